import { registerJobs } from "./jobs";

/** Registers every job type the workers handle. Job modules are added here as capabilities land. */
export const registerAllJobs = () => {
  registerJobs();
};
