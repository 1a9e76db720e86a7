import { hash, verify } from '@node-rs/argon2';

// NOTE: OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); @node-rs/argon2 uses argon2id by default.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/** Spends the time of a real check, so an unknown e-mail takes as long as a wrong password. */
export async function verifyDecoyPassword(password: string): Promise<void> {
  decoyHash ??= hashPassword('accord-decoy-password');
  await verifyPassword(await decoyHash, password);
}
