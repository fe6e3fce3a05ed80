// The content check on alt text: what a screen-reader user hears instead of the image. Refused: nothing, a
// file name ("IMG_2041.jpg", "lesion-photo-final.png"), and text that starts by saying it is an image ("image
// of…", "photo showing…": screen readers already announce an image, so those words only delay what matters).

export const MAX_ALT_LENGTH = 300;

const FILE_NAME = /^[^\s]+\.(jpe?g|png|gif|webp|avif|svg|heic|heif|tiff?|bmp)$/i;
const CAMERA_NAME = /^(img|dsc|dscn|dcim|pxl|photo|image|screenshot|scan)[\s_-]*\d[\w-]*$/i;
const IMAGE_OF =
  /^(an?\s+|the\s+)?(image|picture|photo|photograph|pic|graphic|illustration|screenshot|figure)(\s+(of|showing|shows|depicting|with)\b|\s*$|\s*:)/i;

/** null when the alt text is acceptable, else the reason it is not. */
export function altTextProblem(alt: string): string | null {
  const text = alt.trim();
  if (!text) return "Alt text is required: describe what the image shows for readers who cannot see it.";
  if (text.length > MAX_ALT_LENGTH) return `Keep alt text under ${MAX_ALT_LENGTH} characters; put more in the caption.`;
  if (FILE_NAME.test(text) || CAMERA_NAME.test(text) || (/^[\w-]+$/.test(text) && /[_]|\d{3,}/.test(text)))
    return "This looks like a file name. Describe what the image shows instead.";
  if (IMAGE_OF.test(text))
    return "Don't start with “image of…” or “photo of…”: screen readers already say it is an image. Start with what it shows.";
  return null;
}
