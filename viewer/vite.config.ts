import { defineConfig } from "vite";

// Served by the API under /viewer/; the output folder is git-ignored and found through Viewer:DistPath.
export default defineConfig({
  base: "/viewer/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // No source maps in the served build: they would double what a user could download for nothing.
    sourcemap: false,
  },
});
