-- Every API request counts one hit in "RateLimitBucket" (lib/server/api-keys/authenticate-key.ts).
-- Logged, that is a WAL record and a synchronous commit flush per request, which cost more than
-- the read it protects; an UNLOGGED table writes no WAL, so the commit does not wait for the disk.
-- What is given up: after a crash of the database server (not a clean restart) PostgreSQL empties
-- the table, i.e. rate-limit windows and sign-in lockouts start afresh, and read replicas do not
-- carry it (every access to it is a write and goes to the primary anyway). Prisma cannot express
-- UNLOGGED; schema.prisma keeps the plain model.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
