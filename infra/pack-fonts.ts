import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  fontPieces,
  PACK_FONT_FAMILIES,
  PACK_FONT_STYLESHEET,
  PACK_FONTS_FOLDER,
} from "../bot/calendar/pack-fonts";

/**
 * Puts the offline pack's font files beside a bundle (`<dir>/pack-fonts/<family>/`), where the
 * deployed function looks for them: the stylesheet and the woff2 pieces of the one weight used
 * (about 2.8 MB), not the packages' other weights and formats.
 */
export function copyPackFonts(dir: string, projectRoot = process.cwd()): void {
  const require = createRequire(join(projectRoot, "package.json"));
  for (const { name } of PACK_FONT_FAMILIES) {
    const source = dirname(require.resolve(`@fontsource/${name}/${PACK_FONT_STYLESHEET}`));
    const target = join(dir, PACK_FONTS_FOLDER, name);
    mkdirSync(join(target, "files"), { recursive: true });
    const css = readFileSync(join(source, PACK_FONT_STYLESHEET), "utf8");
    copyFileSync(join(source, PACK_FONT_STYLESHEET), join(target, PACK_FONT_STYLESHEET));
    for (const piece of fontPieces(css)) {
      copyFileSync(join(source, "files", piece.file), join(target, "files", piece.file));
    }
  }
}
