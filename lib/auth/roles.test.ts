import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS } from "./roles";

describe("can", () => {
  it("gives admins every permission", () => {
    for (const permission of Object.keys(PERMISSIONS)) expect(can("admin", permission as keyof typeof PERMISSIONS)).toBe(true);
  });

  it("keeps annotators to labelling and visitors to nothing", () => {
    expect(can("annotator", "labels:create")).toBe(true);
    expect(can("annotator", "users:manage")).toBe(false);
    expect(can("annotator", "runs:create")).toBe(false);
    expect(can(null, "labels:create")).toBe(false);
    expect(can("root", "users:manage")).toBe(false);
  });

  it("lets submitters upload and run but not administer", () => {
    expect(can("submitter", "submissions:create")).toBe(true);
    expect(can("submitter", "runs:create")).toBe(true);
    expect(can("submitter", "judges:manage")).toBe(false);
    expect(isRole("submitter")).toBe(true);
  });
});
