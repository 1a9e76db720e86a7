export { createContact, deleteContact, updateContact } from './change-contact';
export { contactCountFact } from './contact-count-fact';
export { type ContactListItem, listContacts } from './list-contacts';
export { contactRoutes } from './routes';
export { contacts } from './schema';
export * from './schemas';
