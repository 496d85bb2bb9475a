import { runChunkJob } from "../runs/jobs";
import type { JobContract } from "./jobs";

/** Every job type of the application; their queues are created by whichever process starts first. */
export const JOB_CONTRACTS: JobContract[] = [runChunkJob];
