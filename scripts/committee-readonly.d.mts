export function writeCommitteeReadonly(root: string, dir?: string): string;
