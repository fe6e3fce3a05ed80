// The name a file had on the uploader's computer. It is only shown in the media library (never used to store
// or find anything), but a name with a path in it is refused: it means a client sent something other than a
// plain file name, and storing it would only invite someone to use it as a path later.

export const MAX_FILE_NAME_LENGTH = 200;

export function fileNameProblem(name: string): string | null {
  if (!name.trim()) return null; // pasted images have no name: that is fine
  if (name.length > MAX_FILE_NAME_LENGTH) return `The file name is longer than ${MAX_FILE_NAME_LENGTH} characters.`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "The file name contains control characters.";
  if (
    /[\\/]/.test(name) ||
    name.split(/[\\/]/).includes("..") ||
    /^\.\.?$/.test(name.trim()) ||
    /^[A-Za-z]:/.test(name)
  )
    return "The file name contains a path (/, \\ or ..); send only the file's own name.";
  return null;
}
