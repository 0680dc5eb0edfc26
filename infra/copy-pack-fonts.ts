/**
 * `tsx infra/copy-pack-fonts.ts <asset dir>`: the offline pack's fonts beside the calendar
 * function's bundle (infra/pack-fonts.ts). NodejsFunction runs it after esbuild, in the
 * project root.
 */
import { copyPackFonts } from "./pack-fonts";

const dir = process.argv[2];
if (!dir) throw new Error("usage: tsx infra/copy-pack-fonts.ts <asset dir>");
copyPackFonts(dir);
