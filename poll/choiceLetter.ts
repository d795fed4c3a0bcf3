/** "A", "B", … for a choice's 0-based index: what the room says out loud, on the slide and on the phone. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index)
}
