/** Two built sites compared file for file: what a site test means by "the same site". */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';

/** Every file of a built site, relative to its folder, sorted. */
export const siteFiles = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();

/** A workbook's entries and their bytes: its zip records when it was written, which two builds never share. */
async function workbookEntries(path: string): Promise<Record<string, string>> {
	const zip = await JSZip.loadAsync(readFileSync(path));
	const entries = Object.values(zip.files).filter((entry) => !entry.dir);
	return Object.fromEntries(await Promise.all(entries.map(async (entry) => [entry.name, await entry.async('base64')] as const)));
}

/** The same files, byte for byte; workbooks by their entries. */
export async function expectSameSite(site: string, other: string): Promise<void> {
	const files = siteFiles(site);
	expect(files).toEqual(siteFiles(other));
	const differing: string[] = [];
	for (const file of files) {
		if (file.endsWith('.xlsx')) expect(await workbookEntries(join(site, file)), file).toEqual(await workbookEntries(join(other, file)));
		else if (!readFileSync(join(site, file)).equals(readFileSync(join(other, file)))) differing.push(file);
	}
	expect(differing).toEqual([]);
}
