import type { ErrorCode } from '../errors';
import { type LocalizedText, russianPlural } from './text';

const characters = (count: number) => russianPlural(count, { one: 'символ', few: 'символа', many: 'символов' });
const items = (count: number) => russianPlural(count, { one: 'элемент', few: 'элемента', many: 'элементов' });

/** The title of each problem type, shown above its detail. */
export const problemTitles: Record<ErrorCode, LocalizedText> = {
  validation_failed: { en: 'Invalid input', ru: 'Некорректные данные' },
  malformed_request: { en: 'Malformed request', ru: 'Некорректный запрос' },
  unauthenticated: { en: 'Sign-in required', ru: 'Требуется вход' },
  forbidden: { en: 'Not allowed', ru: 'Нет доступа' },
  not_found: { en: 'Not found', ru: 'Не найдено' },
  method_not_allowed: { en: 'Method not allowed', ru: 'Метод не поддерживается' },
  conflict: { en: 'Conflict', ru: 'Конфликт' },
  precondition_failed: { en: 'Changed by someone else', ru: 'Изменено другим пользователем' },
  payload_too_large: { en: 'Request too large', ru: 'Слишком большой запрос' },
  unsupported_media_type: { en: 'Unsupported content type', ru: 'Неподдерживаемый тип содержимого' },
  rule_violated: { en: 'Not possible', ru: 'Действие невозможно' },
  rate_limited: { en: 'Too many requests', ru: 'Слишком много запросов' },
  internal: { en: 'Internal error', ru: 'Внутренняя ошибка' },
};

export const platformMessages = {
  validationFailed: {
    en: 'Some fields are not valid. Correct them and try again.',
    ru: 'Некоторые поля заполнены неверно. Исправьте их и повторите.',
  },
  malformedJson: { en: 'The request body is not valid JSON.', ru: 'Тело запроса не является корректным JSON.' },
  unauthenticated: { en: 'Sign in to continue.', ru: 'Войдите, чтобы продолжить.' },
  forbidden: {
    en: 'Your role ({role}) does not allow this action.',
    ru: 'Ваша роль ({role}) не позволяет выполнить это действие.',
  },
  csrfFailed: {
    en: 'The request is missing its security token. Reload the page and try again.',
    ru: 'В запросе нет токена безопасности. Обновите страницу и повторите.',
  },
  routeNotFound: { en: 'There is no such API endpoint.', ru: 'Такого адреса API нет.' },
  methodNotAllowed: {
    en: 'This address does not take {method}; it takes {allowed}.',
    ru: 'Этот адрес не принимает {method}; допустимо: {allowed}.',
  },
  stale: {
    en: 'This record was changed by someone else since you opened it. Reload it to see their changes, then apply yours again.',
    ru: 'Эту запись изменили после того, как вы её открыли. Обновите её, чтобы увидеть изменения, и внесите свои ещё раз.',
  },
  invalidIfMatch: {
    en: 'The If-Match header must hold the ETag of the record.',
    ru: 'Заголовок If-Match должен содержать ETag записи.',
  },
  payloadTooLarge: {
    en: 'The request body is larger than {limit}.',
    ru: 'Тело запроса больше допустимых {limit}.',
  },
  unsupportedMediaType: {
    en: 'Send the body as {expected}.',
    ru: 'Отправьте тело запроса в формате {expected}.',
  },
  internal: {
    en: 'Something went wrong on our side. The error was logged with request id {requestId}.',
    ru: 'Что-то пошло не так на нашей стороне. Ошибка записана с идентификатором запроса {requestId}.',
  },
  duplicate: {
    en: 'A record with these values already exists.',
    ru: 'Запись с такими значениями уже существует.',
  },
  referenceViolated: {
    en: 'The change refers to a record that does not exist or is still in use. Reload and try again.',
    ru: 'Изменение ссылается на запись, которой нет или которая ещё используется. Обновите страницу и повторите.',
  },
  concurrentChange: {
    en: 'Someone else changed the same data at the same moment. Try again.',
    ru: 'Эти же данные одновременно изменил кто-то другой. Повторите попытку.',
  },
  invalidCursor: { en: 'The page cursor is not valid.', ru: 'Неверный курсор страницы.' },
} satisfies Record<string, LocalizedText>;

/** Messages for a field that failed validation. */
export const validationMessages = {
  required: { en: 'This field is required.', ru: 'Обязательное поле.' },
  mustBeText: { en: 'Must be text.', ru: 'Должно быть строкой.' },
  mustBeNumber: { en: 'Must be a number.', ru: 'Должно быть числом.' },
  mustBeInteger: { en: 'Must be a whole number.', ru: 'Должно быть целым числом.' },
  mustBeBoolean: { en: 'Must be true or false.', ru: 'Должно быть «да» или «нет».' },
  mustBeList: { en: 'Must be a list.', ru: 'Должно быть списком.' },
  mustBeObject: { en: 'Must be an object.', ru: 'Должно быть объектом.' },
  wrongType: { en: 'Has the wrong type.', ru: 'Неверный тип значения.' },
  tooShort: {
    en: ({ minimum }) => (minimum === 1 ? 'Must not be empty.' : `Must be at least ${minimum} characters.`),
    ru: ({ minimum }) =>
      minimum === 1 ? 'Не может быть пустым.' : `Должно быть не короче ${minimum} ${characters(Number(minimum))}.`,
  },
  tooLong: {
    en: 'Must be at most {maximum} characters.',
    ru: ({ maximum }) => `Должно быть не длиннее ${maximum} ${characters(Number(maximum))}.`,
  },
  tooFewItems: {
    en: 'Must have at least {minimum} items.',
    ru: ({ minimum }) => `Нужно не меньше ${minimum} ${items(Number(minimum))}.`,
  },
  tooManyItems: {
    en: 'Must have at most {maximum} items.',
    ru: ({ maximum }) => `Допустимо не больше ${maximum} ${items(Number(maximum))}.`,
  },
  tooSmall: { en: 'Must be at least {minimum}.', ru: 'Должно быть не меньше {minimum}.' },
  tooBig: { en: 'Must be at most {maximum}.', ru: 'Должно быть не больше {maximum}.' },
  invalidEmail: { en: 'Must be a valid e-mail address.', ru: 'Укажите корректный адрес e-mail.' },
  invalidUrl: { en: 'Must be a valid web address.', ru: 'Укажите корректный веб-адрес.' },
  invalidUuid: { en: 'Must be a valid identifier.', ru: 'Должно быть корректным идентификатором.' },
  invalidDate: { en: 'Must be a valid date.', ru: 'Укажите корректную дату.' },
  invalidFormat: { en: 'Has an invalid format.', ru: 'Неверный формат.' },
  invalidOption: { en: 'Must be one of: {options}.', ru: 'Допустимые значения: {options}.' },
  unknownField: { en: 'Unknown field.', ru: 'Неизвестное поле.' },
  nulCharacter: { en: 'Must not contain the NUL character (U+0000).', ru: 'Не должно содержать символ NUL (U+0000).' },
  invalid: { en: 'Is not valid.', ru: 'Неверное значение.' },
} satisfies Record<string, LocalizedText>;
