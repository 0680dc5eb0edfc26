import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * Fonts for what the PDF's standard fonts cannot print (they speak Windows-1252 only): Noto Sans
 * for Latin beyond Western Europe, Greek, Cyrillic, Vietnamese and Devanagari; Noto Sans KR for
 * Hangul and the CJK ideographs and kana Korean text uses. Each family comes from its Fontsource
 * package in pieces by Unicode range, as a web page loads it; a pack embeds only the pieces its
 * text needs (cut down to the characters drawn where fontkit can), so a Western European
 * trip's pack is as small as before and another grows by tens of kilobytes.
 */
export const PACK_FONT_FAMILIES = [
  // fontkit's subsetting of Noto Sans's pieces never ends (its composite glyphs): they are
  // embedded whole, 10–65 KB each.
  { name: "noto-sans", subset: false },
  // A piece of Noto Sans KR is a few hundred ideographs or syllables; cut down to those drawn.
  { name: "noto-sans-kr", subset: true },
] as const;
/** The weight embedded: bold text in these scripts prints in it too. */
export const PACK_FONT_STYLESHEET = "400.css";
/** The folder beside a deployed bundle that holds the families (infra copies them there). */
export const PACK_FONTS_FOLDER = "pack-fonts";

interface FontPiece {
  file: string;
  ranges: [number, number][];
}

/** The @font-face blocks of a Fontsource stylesheet: each woff2 file and its Unicode ranges. */
export function fontPieces(css: string): FontPiece[] {
  return css
    .split("@font-face")
    .slice(1)
    .flatMap((block) => {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const ranges = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !ranges) return [];
      return [
        {
          file,
          ranges: ranges.split(",").map((part): [number, number] => {
            const [from = "0", to] = part.trim().replace(/^U\+/i, "").split("-");
            const low = Number.parseInt(from, 16);
            return [low, to ? Number.parseInt(to, 16) : low];
          }),
        },
      ];
    });
}

/** A family's folder: beside the bundle when deployed, else its package (tests, `npm start`). */
function familyFolder(family: string): string | undefined {
  const beside =
    typeof __dirname === "string" ? join(__dirname, PACK_FONTS_FOLDER, family) : undefined;
  if (beside && existsSync(join(beside, PACK_FONT_STYLESHEET))) return beside;
  try {
    // From the working directory (the project root for tests and `npm start`): `import.meta`
    // has no meaning in the deployed CommonJS bundle.
    const require = createRequire(join(process.cwd(), "package.json"));
    return dirname(require.resolve(`@fontsource/${family}/${PACK_FONT_STYLESHEET}`));
  } catch {
    return undefined;
  }
}

interface Family {
  folder: string;
  pieces: FontPiece[];
  subset: boolean;
}

let families: Family[] | undefined;
/** Read once per container: the stylesheets are small, the font files are read as needed. */
function knownFamilies(): Family[] {
  families ??= PACK_FONT_FAMILIES.flatMap(({ name, subset }) => {
    const folder = familyFolder(name);
    if (!folder) return [];
    const css = readFileSync(join(folder, PACK_FONT_STYLESHEET), "utf8");
    return [{ folder, pieces: fontPieces(css), subset }];
  });
  return families;
}

const glyphs = new WeakMap<PDFFont, Set<number>>();
function glyphsOf(font: PDFFont): Set<number> {
  let set = glyphs.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    glyphs.set(font, set);
  }
  return set;
}

/** The embedded fonts of one document, by the code points they print. */
export class PackFonts {
  private constructor(private readonly byCodePoint: Map<number, PDFFont>) {}

  /**
   * Embeds the pieces that print the characters of `text` that `printable` (the standard font)
   * cannot. Without the font files (a bundle built without them) it embeds nothing, and those
   * characters print as their base letter or "?", as before.
   */
  static async embed(
    doc: PDFDocument,
    text: string,
    printable: (codePoint: number) => boolean,
  ): Promise<PackFonts> {
    const wanted = new Set<number>();
    for (const ch of text.normalize("NFC")) {
      const code = ch.codePointAt(0) ?? 0;
      if (code > 0x20 && !printable(code)) wanted.add(code);
    }
    const byCodePoint = new Map<number, PDFFont>();
    if (wanted.size === 0) return new PackFonts(byCodePoint);
    doc.registerFontkit(fontkit);
    const embedded = new Map<string, PDFFont>();
    for (const code of wanted) {
      for (const family of knownFamilies()) {
        const piece = family.pieces.find((p) =>
          p.ranges.some(([lo, hi]) => code >= lo && code <= hi),
        );
        if (!piece) continue;
        const path = join(family.folder, "files", piece.file);
        let font = embedded.get(path);
        if (!font) {
          if (!existsSync(path)) continue;
          font = await doc.embedFont(readFileSync(path), { subset: family.subset });
          embedded.set(path, font);
        }
        // A piece's range may name a character its font has no glyph for.
        if (glyphsOf(font).has(code)) {
          byCodePoint.set(code, font);
          break;
        }
      }
    }
    return new PackFonts(byCodePoint);
  }

  /** The embedded font that prints this character, if one does. */
  fontFor(codePoint: number): PDFFont | undefined {
    return this.byCodePoint.get(codePoint);
  }
}
