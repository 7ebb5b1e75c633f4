/**
 * Keys of `votes` and `proposals`: `${noteId}:${memberId}`. One key per
 * person per note, so two people voting or proposing on the same note at the
 * same time write different keys and never conflict, and the server can check
 * that a participant only writes keys ending with their own member id.
 */
/** Both halves match ENTITY_ID_PATTERN (which has no ':'), so the split is unambiguous. */
export const NOTE_MEMBER_KEY_PATTERN = /^([A-Za-z0-9_-]{1,64}):([A-Za-z0-9_-]{1,64})$/;

export function noteMemberKey(noteId: string, memberId: string): string {
  return `${noteId}:${memberId}`;
}

export function parseNoteMemberKey(key: string): { noteId: string; memberId: string } | undefined {
  const m = NOTE_MEMBER_KEY_PATTERN.exec(key);
  return m ? { noteId: m[1]!, memberId: m[2]! } : undefined;
}

