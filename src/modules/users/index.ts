export { createUser, findUserByEmail, type PublicUser, toPublicUser, type User } from './create-user';
export { userMessages } from './messages';
export { users } from './schema';
export * from './schemas';
export { updateProfile } from './update-profile';
