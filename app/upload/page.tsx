import type { Metadata } from "next";
import { NotBuilt } from "@/components/not-built";

export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  return <NotBuilt title="Upload" what="Researchers will upload raw ToolBench answer trees or converted files here." />;
}
