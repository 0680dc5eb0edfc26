import { deflateRawSync } from "node:zlib";

/**
 * Files members really send as "the trip file": an archive of it, a document, a file saved in
 * another encoding, each named .yaml (a name proves nothing), with what the bot must answer
 * (a pattern of the private answer).
 */
export function oddTripFiles(yaml: string): { name: string; bytes: Buffer; answer: RegExp }[] {
  const utf8 = Buffer.from(yaml, "utf8");
  // A minimal zip: one local file header and its deflated data, as any zip tool begins.
  const zip = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
    Buffer.alloc(20),
    deflateRawSync(utf8),
  ]);
  const latin1 = Buffer.from(`${yaml}\n# Café Müller, Zürich\n`, "latin1");
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  return [
    { name: "zipped.yaml", bytes: zip, answer: /zip archive.*Nothing was changed/s },
    { name: "document.yaml", bytes: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), answer: /a PDF/ },
    { name: "latin1.yaml", bytes: latin1, answer: /not UTF-8 text: save it as UTF-8/ },
    { name: "binary.yaml", bytes: binary, answer: /not (UTF-8 text|a trip file)/ },
  ];
}

/** The same YAML as Windows Notepad's "Unicode" saves it: UTF-16 little-endian with a BOM. */
export const utf16le = (yaml: string): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, "utf16le")]);
