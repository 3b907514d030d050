import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` serves the page on :5173 and forwards API calls to `airgate dev` (AIRGATE_URL, default :5080), so the
// page is tried with hot reload; `npm run build` writes dist/, which Airgate serves at /.
const airgate = process.env.AIRGATE_URL ?? "http://127.0.0.1:5080";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, assetsDir: "assets", sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": airgate, "/openapi": airgate } },
});
