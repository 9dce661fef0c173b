/**
 * Backups are a few MB for thousands of orders; anything far larger is not ours. The options page
 * checks a file's size in bytes before reading it (a character takes at least a byte, so the
 * same number is the stricter check there), the background the text's length on arrival.
 */
export const MAX_BACKUP_CHARS = 32 * 1024 * 1024;
