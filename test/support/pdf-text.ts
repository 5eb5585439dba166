import { execFile } from 'node:child_process';

/**
 * The text of a PDF, page by page, extracted by Mozilla's pdf.js (pdfjs-dist) in a child Node process: pdf.js is an
 * ES module, and reading the PDF with another implementation than the one that wrote it is the point of the check.
 */
export function pdfText(pdf: Buffer): Promise<string[]> {
  const script = `
    import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => item.str).join(' '));
    }
    process.stdout.write('\\n' + JSON.stringify(pages));`;
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
        try {
          resolve(JSON.parse(stdout.slice(stdout.lastIndexOf('\n') + 1)) as string[]);
        } catch (parseError) {
          reject(parseError as Error);
        }
      },
    );
    child.stdin!.end(pdf);
  });
}
