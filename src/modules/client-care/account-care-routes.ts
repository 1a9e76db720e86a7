import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import { analyseLosses, getLoss, markLost, undoLoss } from './losses';
import { AccountLossSchema, AccountSurveysSchema, LossAnalysisSchema, SurveyResultSchema } from './openapi';
import { createSurveyResultInput, lossAnalysisQuery, markLostInput, updateSurveyResultInput } from './schemas';
import { createSurveyResult, deleteSurveyResult, listSurveyResults, updateSurveyResult } from './surveys';

const tags = ['Client care'];

/** NPS/CSAT survey results and lost accounts with their analysis. */
export function accountCareRoutes() {
  const router = createRouter();

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts/{id}/surveys',
      tags,
      summary: 'The account’s NPS/CSAT answers, latest first, with its NPS and mean CSAT',
      request: { params: IdParams },
      responses: {
        200: { description: 'Answers and summary', ...json(AccountSurveysSchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const surveys = await runInWorkspace(c, (ctx) => listSurveyResults(ctx, id));
      return c.json(serialize(surveys), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'post',
      path: '/surveys',
      tags,
      summary: 'Record an NPS (0–10) and/or CSAT (1–5) answer; the month’s NPS and CSAT go to the kpis series',
      request: { body: { required: true, ...json(createSurveyResultInput.meta({ id: 'SurveyResultCreate' })) } },
      responses: {
        201: { description: 'Recorded', ...json(SurveyResultSchema) },
        422: problem('No such account or contact, or neither score'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = await runInWorkspace(c, (ctx) => createSurveyResult(ctx, input));
      return c.json(serialize(result), 201);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'patch',
      path: '/surveys/{id}',
      tags,
      summary: 'Correct an answer (scores, date, contact, comment); the months it leaves and joins are recomputed',
      request: {
        params: IdParams,
        body: { required: true, ...json(updateSurveyResultInput.meta({ id: 'SurveyResultUpdate' })) },
      },
      responses: {
        200: { description: 'Corrected', headers: etagHeader, ...json(SurveyResultSchema) },
        404: problem('No such survey answer'),
        412: staleProblem,
        422: problem('No such contact of the account, or neither score left'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const result = await runInWorkspace(c, (ctx) => updateSurveyResult(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(result.version));
      return c.json(serialize(result), 200);
    },
  );

  router.openapi(
    apiRoute('delivery:write', {
      method: 'delete',
      path: '/surveys/{id}',
      tags,
      summary: 'Delete an answer entered by mistake; its month’s NPS and CSAT are recomputed in the kpis series',
      request: { params: IdParams },
      responses: { 204: { description: 'Deleted' }, 404: problem('No such survey answer') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => deleteSurveyResult(ctx, id));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/accounts/{id}/loss',
      tags,
      summary: 'The account’s loss (date, reason, story), or null while it is not lost',
      request: { params: IdParams },
      responses: {
        200: { description: 'Loss', ...json(AccountLossSchema.nullable()) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const loss = await runInWorkspace(c, (ctx) => getLoss(ctx, id));
      return c.json(serialize(loss), 200);
    },
  );

  router.openapi(
    apiRoute('accounts:write', {
      method: 'put',
      path: '/accounts/{id}/loss',
      tags,
      summary: 'Mark the account lost with a date, reason and story; its status becomes lost',
      request: { params: IdParams, body: { required: true, ...json(markLostInput.meta({ id: 'AccountLossMark' })) } },
      responses: {
        201: { description: 'Marked lost', ...json(AccountLossSchema) },
        404: problem('No such account'),
        422: problem('Already marked lost'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const loss = await runInWorkspace(c, (ctx) => markLost(ctx, id, input));
      return c.json(serialize(loss), 201);
    },
  );

  router.openapi(
    apiRoute('accounts:write', {
      method: 'delete',
      path: '/accounts/{id}/loss',
      tags,
      summary: 'Undo the loss: the account gets back the status it had',
      request: { params: IdParams },
      responses: { 204: { description: 'Undone' }, 404: problem('No such account, or not lost') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runInWorkspace(c, (ctx) => undoLoss(ctx, id));
      return c.body(null, 204);
    },
  );

  router.openapi(
    apiRoute('accounts:read', {
      method: 'get',
      path: '/loss-analysis',
      tags,
      summary: 'Accounts lost in a period by reason and month, with their revenue of the 12 months before',
      request: { query: lossAnalysisQuery },
      responses: { 200: { description: 'Analysis', ...json(LossAnalysisSchema) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const analysis = await runInWorkspace(c, (ctx) => analyseLosses(ctx, query));
      return c.json(serialize(analysis), 200);
    },
  );

  return router;
}
