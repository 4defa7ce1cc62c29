// Which app process answered: INSTANCE_NAME when set (one per instance behind
// a load balancer), else host and process id. /api/ready and the live stream
// say it, so a test or an operator can tell the instances apart.
import { hostname } from "node:os";

export const instanceName = (): string => process.env.INSTANCE_NAME || `${hostname()}:${process.pid}`;
