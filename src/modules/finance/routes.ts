import { z } from '@hono/zod-openapi';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { getChaseList } from './chase-list';
import { createContract, getContract, updateContract } from './contracts';
import { deleteExchangeRate, listExchangeRates, setExchangeRate } from './exchange-rates';
import { listContracts } from './list-contracts';
import {
  ChaseListSchema,
  ContractPageSchema,
  ContractSchema,
  ExchangeRateSchema,
  FinanceSettingsSchema,
  PaymentPageSchema,
  PaymentSchema,
  ReceivablesSchema,
} from './openapi';
import { allocatePayment, getPayment, listPayments, recordPayment } from './payments';
import { getReceivables } from './receivables';
import {
  allocatePaymentInput,
  chaseListQuery,
  createContractInput,
  listContractsQuery,
  listExchangeRatesQuery,
  listPaymentsQuery,
  receivablesQuery,
  recordPaymentInput,
  setExchangeRateInput,
  updateContractInput,
  updateFinanceSettingsInput,
} from './schemas';
import { getFinanceSettings, updateFinanceSettings } from './settings';

const tags = ['Finance'];

/** Finance settings, contracts, payments and receivables (invoices: `invoiceRoutes`). */
export function financeRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/finance/settings',
      tags,
      summary: 'VAT rates offered, the default VAT mode, base currency and payment terms',
      responses: { 200: { description: 'Settings', headers: etagHeader, ...json(FinanceSettingsSchema) } },
    }),
    async (c) => {
      const settings = await runInWorkspace(c, (ctx) => getFinanceSettings(ctx));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'put',
      path: '/finance/settings',
      tags,
      summary: 'Replace the finance settings (If-Match "0" before the first change)',
      request: { body: { required: true, ...json(updateFinanceSettingsInput.meta({ id: 'FinanceSettingsInput' })) } },
      responses: {
        200: { description: 'Saved', headers: etagHeader, ...json(FinanceSettingsSchema) },
        412: staleProblem,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const settings = await runInWorkspace(c, (ctx) => updateFinanceSettings(ctx, input, expectedVersion(c)));
      c.header('ETag', etag(settings.version));
      return c.json(settings, 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/contracts',
      tags,
      summary: 'Contracts, per account or status, or those whose renewal reminder is due by a date',
      request: { query: listContractsQuery },
      responses: { 200: { description: 'A page of contracts', ...json(ContractPageSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listContracts(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/contracts',
      tags,
      summary: 'Record a contract with an account',
      request: { body: { required: true, ...json(createContractInput.meta({ id: 'ContractCreate' })) } },
      responses: {
        201: { description: 'Created', headers: etagHeader, ...json(ContractSchema) },
        422: problem('No such account, or the number is taken for this account'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const contract = await runInWorkspace(c, (ctx) => createContract(ctx, input));
      c.header('ETag', etag(contract.version));
      return c.json(serialize(contract), 201);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/contracts/{id}',
      tags,
      summary: 'One contract',
      request: { params: IdParams },
      responses: {
        200: { description: 'Contract', headers: etagHeader, ...json(ContractSchema) },
        404: problem('No such contract'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const contract = await runInWorkspace(c, (ctx) => getContract(ctx, id));
      c.header('ETag', etag(contract.version));
      return c.json(serialize(contract), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'patch',
      path: '/contracts/{id}',
      tags,
      summary: 'Change a contract: dates, value, renewal, status, the signed file',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateContractInput.meta({ id: 'ContractPatch' })) },
      },
      responses: {
        200: { description: 'Updated', headers: etagHeader, ...json(ContractSchema) },
        404: problem('No such contract'),
        412: staleProblem,
        422: problem('The number is taken, or the end is before the start'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const contract = await runInWorkspace(c, (ctx) => updateContract(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(contract.version));
      return c.json(serialize(contract), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/payments',
      tags,
      summary: 'Payments received, per account, or those with credit left to allocate',
      request: { query: listPaymentsQuery },
      responses: { 200: { description: 'A page of payments', ...json(PaymentPageSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listPayments(ctx, query));
      return c.json(serialize(page), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/payments',
      tags,
      summary: 'Record a payment, full or partial, allocated to invoices; what is left stays as the account’s credit',
      request: { body: { required: true, ...json(recordPaymentInput.meta({ id: 'PaymentCreate' })) } },
      responses: {
        201: { description: 'Recorded', headers: etagHeader, ...json(PaymentSchema) },
        422: problem('An allocation is for another account or currency, or more than is open or left'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const payment = await runInWorkspace(c, (ctx) => recordPayment(ctx, input));
      c.header('ETag', etag(payment.version));
      return c.json(serialize(payment), 201);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/payments/{id}',
      tags,
      summary: 'One payment with its allocations',
      request: { params: IdParams },
      responses: {
        200: { description: 'Payment', headers: etagHeader, ...json(PaymentSchema) },
        404: problem('No such payment'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const payment = await runInWorkspace(c, (ctx) => getPayment(ctx, id));
      c.header('ETag', etag(payment.version));
      return c.json(serialize(payment), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'post',
      path: '/payments/{id}/allocations',
      tags,
      summary: 'Allocate what is left of a payment (the account’s credit) to invoices',
      request: {
        params: IdParams,
        body: { required: true, ...json(allocatePaymentInput.meta({ id: 'PaymentAllocation' })) },
      },
      responses: {
        200: { description: 'Allocated', headers: etagHeader, ...json(PaymentSchema) },
        404: problem('No such payment'),
        422: problem('An allocation is for another account or currency, or more than is open or left'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const payment = await runInWorkspace(c, (ctx) => allocatePayment(ctx, id, input));
      c.header('ETag', etag(payment.version));
      return c.json(serialize(payment), 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/receivables',
      tags,
      summary: 'Open receivables per currency in ageing buckets, with DSO and credit; for the workspace or one account',
      request: { query: receivablesQuery },
      responses: {
        200: { description: 'Receivables', ...json(ReceivablesSchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const receivables = await runInWorkspace(c, (ctx) => getReceivables(ctx, query));
      return c.json(receivables, 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/receivables/chase',
      tags,
      summary: 'Overdue invoices, the latest first, with who chases and the next action',
      request: { query: chaseListQuery },
      responses: { 200: { description: 'Chase list', ...json(ChaseListSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const list = await runInWorkspace(c, (ctx) => getChaseList(ctx, query));
      return c.json(list, 200);
    },
  );

  router.openapi(
    apiRoute('finance:read', {
      method: 'get',
      path: '/exchange-rates',
      tags,
      summary: 'The workspace’s exchange rates, the latest first, of one pair or all',
      request: { query: listExchangeRatesQuery },
      responses: {
        200: {
          description: 'Rates',
          ...json(z.object({ items: z.array(ExchangeRateSchema) }).meta({ id: 'ExchangeRateList' })),
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(await runInWorkspace(c, (ctx) => listExchangeRates(ctx, query)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'put',
      path: '/exchange-rates',
      tags,
      summary: 'Enter the rate of a currency pair on a day (replaces that day’s rate); reports convert with it',
      request: { body: { required: true, ...json(setExchangeRateInput.meta({ id: 'ExchangeRateInput' })) } },
      responses: { 200: { description: 'Saved', ...json(ExchangeRateSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await runInWorkspace(c, (ctx) => setExchangeRate(ctx, input)), 200);
    },
  );

  router.openapi(
    apiRoute('finance:write', {
      method: 'delete',
      path: '/exchange-rates/{id}',
      tags,
      summary: 'Remove a rate entered by mistake',
      request: { params: IdParams },
      responses: { 204: { description: 'Removed' }, 404: problem('No such rate') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteExchangeRate(ctx, id));
      return c.body(null, 204);
    },
  );

  return router;
}
