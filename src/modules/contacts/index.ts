export { createContact, deleteContact, updateContact } from './change-contact';
export { contactRoutes } from './routes';
export { contacts } from './schema';
export * from './schemas';
