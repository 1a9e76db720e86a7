import { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { localeOf } from '../../platform/http/context';
import { etag, expectedVersion } from '../../platform/http/etag';
import { etagHeader, IdParams, json, pageOf, problem, staleProblem } from '../../platform/http/openapi-schemas';
import { apiRoute, createRouter } from '../../platform/http/route';
import { serialize } from '../../platform/http/serialize';
import { runInWorkspace } from '../../platform/http/use-case-runner';
import type { Locale } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/text';
import { type AccountPortfolio, getAccountPortfolio } from './account-portfolio';
import { compareReviews } from './compare-reviews';
import { approveDesignation, rejectDesignation } from './decide-designation';
import { demoteAccount } from './demote-account';
import { type Designation, getDesignation, listDesignations } from './designations';
import { exportPortfolio } from './export-portfolio';
import {
  describeCurrentModel,
  type FactRegistry,
  getModelVersion,
  listModelVersions,
  type PortfolioModel,
} from './model-versions';
import { nominateAccount } from './nominate-account';
import {
  AccountPortfolioSchema,
  DesignationSchema,
  FactSchema,
  ModelVersionSchema,
  PortfolioModelSchema,
  PortfolioSchema,
  ReviewComparisonSchema,
  ReviewSchema,
} from './openapi';
import { getPortfolioBody } from './portfolio-answer';
import { rateAccount } from './rate-account';
import { listReviews, runReview } from './reviews';
import { savePortfolioModel } from './save-model';
import {
  approveDesignationInput,
  compareReviewsQuery,
  demoteAccountInput,
  listDesignationsQuery,
  listModelVersionsQuery,
  listReviewsQuery,
  modelVersionParams,
  nominateAccountInput,
  portfolioFilters,
  rateAccountInput,
  rejectDesignationInput,
  runReviewInput,
  savePortfolioModelInput,
} from './schemas';

const tags = ['Portfolio'];

function modelBody<Model extends PortfolioModel>(model: Model) {
  const { definition, ...rest } = model;
  return serialize({ ...rest, ...definition });
}

function designationBody(designation: Designation, locale: Locale) {
  return serialize({
    ...designation,
    warnings: designation.warnings.map((warning) => ({
      code: warning.code,
      message: translate(locale, warning.message),
    })),
  });
}

function accountPortfolioBody(portfolio: AccountPortfolio, locale: Locale) {
  const { score, posture, designations, ...rest } = portfolio;
  return serialize({
    ...rest,
    attractiveness: score.attractiveness,
    strength: score.strength,
    quadrant: score.quadrant,
    complete: score.complete,
    posture: posture ? posture[locale] : null,
    designations: designations.map((designation) => designationBody(designation, locale)),
  });
}

/** The portfolio API: scoring model, scores, ratings, key-account designations and reviews. */
export function portfolioRoutes(deps: { accountFacts: FactRegistry }) {
  const router = createRouter();
  const facts = deps.accountFacts;

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio',
      tags,
      summary: 'Every visible account scored under the current model: the chart and table data, in one response',
      request: { query: portfolioFilters },
      responses: { 200: { description: 'The portfolio', ...json(PortfolioSchema) } },
    }),
    async (c) => {
      const filters = c.req.valid('query');
      const body = await runInWorkspace(c, (ctx) => getPortfolioBody(ctx, facts, filters));
      // NOTE: the body is JSON already, in the documented shape (see getPortfolioBody).
      return c.body(body, 200, {
        'Content-Type': 'application/json',
      }) as unknown as TypedResponse<z.infer<typeof PortfolioSchema>, 200, 'json'>;
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/export',
      tags,
      summary: 'The portfolio as CSV (UTF-8), in the request’s language, with the same filters',
      request: { query: portfolioFilters },
      responses: {
        200: {
          description: 'CSV, one row per account',
          content: { 'text/csv': { schema: z.string() } },
        },
      },
    }),
    async (c) => {
      const filters = c.req.valid('query');
      const csv = await runInWorkspace(c, (ctx) => exportPortfolio(ctx, facts, filters, localeOf(c)));
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="portfolio.csv"',
      });
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/facts',
      tags,
      summary: 'The data Accord holds that formula criteria can use (offered by the installed modules)',
      responses: { 200: { description: 'Facts', ...json(z.object({ items: z.array(FactSchema) })) } },
    }),
    (c) =>
      c.json(
        {
          items: facts.map(({ key, label, description, unit, higherIsBetter }) => ({
            key,
            label: { en: translate('en', { text: label }), ru: translate('ru', { text: label }) },
            description: { en: translate('en', { text: description }), ru: translate('ru', { text: description }) },
            unit,
            higherIsBetter,
          })),
        },
        200,
      ),
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/model',
      tags,
      summary: 'The current scoring model (criteria, weights, thresholds, postures, cap)',
      responses: { 200: { description: 'Current model', headers: etagHeader, ...json(PortfolioModelSchema) } },
    }),
    async (c) => {
      const model = await runInWorkspace(c, (ctx) => describeCurrentModel(ctx, facts));
      c.header('ETag', etag(model.version));
      return c.json(modelBody(model), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:manage', {
      method: 'put',
      path: '/portfolio/model',
      tags,
      summary: 'Save the model as a new version (send If-Match with the version it was edited from)',
      request: { body: { required: true, ...json(savePortfolioModelInput.meta({ id: 'PortfolioModelSave' })) } },
      responses: {
        200: { description: 'The new version', headers: etagHeader, ...json(PortfolioModelSchema) },
        412: problem('The model was changed by someone else since the If-Match version'),
        422: problem('The cap is below the number of key accounts'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const model = await runInWorkspace(c, async (ctx) => {
        await savePortfolioModel(ctx, facts, input, expectedVersion(c));
        return describeCurrentModel(ctx, facts);
      });
      c.header('ETag', etag(model.version));
      return c.json(modelBody(model), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/model/versions',
      tags,
      summary: 'The model’s version history, newest first',
      request: { query: listModelVersionsQuery },
      responses: { 200: { description: 'Versions', ...json(pageOf(ModelVersionSchema)) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize(await runInWorkspace(c, (ctx) => listModelVersions(ctx, query))), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/model/versions/{version}',
      tags,
      summary: 'One stored version of the model',
      request: { params: modelVersionParams },
      responses: {
        200: {
          description: 'The version',
          ...json(
            PortfolioModelSchema.omit({ keyAccounts: true, unavailable: true }).meta({
              id: 'PortfolioModelVersionDetail',
            }),
          ),
        },
        404: problem('No such version'),
      },
    }),
    async (c) => {
      const { version } = c.req.valid('param');
      return c.json(modelBody(await runInWorkspace(c, (ctx) => getModelVersion(ctx, version))), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/accounts/{id}',
      tags,
      summary:
        'An account’s scores, contributions, quadrant and posture, ratings, change since the last review, designations',
      request: { params: IdParams },
      responses: {
        200: { description: 'The account in the portfolio', ...json(AccountPortfolioSchema) },
        404: problem('No such account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const portfolio = await runInWorkspace(c, (ctx) => getAccountPortfolio(ctx, facts, id));
      return c.json(accountPortfolioBody(portfolio, localeOf(c)), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:rate', {
      method: 'put',
      path: '/portfolio/accounts/{id}/ratings',
      tags,
      summary: 'Rate the account on manual criteria, each with a comment (value null takes a rating back)',
      request: {
        params: IdParams,
        body: { required: true, ...json(rateAccountInput.meta({ id: 'PortfolioRatings' })) },
      },
      responses: {
        200: { description: 'The account rescored', ...json(AccountPortfolioSchema) },
        403: problem('Not your account'),
        404: problem('No such account'),
        412: problem('A rating was changed by someone else since the version sent'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const portfolio = await runInWorkspace(c, (ctx) => rateAccount(ctx, facts, id, input));
      return c.json(accountPortfolioBody(portfolio, localeOf(c)), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:manage', {
      method: 'post',
      path: '/portfolio/accounts/{id}/demote',
      tags,
      summary: 'Take a key account back to another status, with the reason (If-Match: the account’s version)',
      request: {
        params: IdParams,
        body: { required: true, ...json(demoteAccountInput.meta({ id: 'PortfolioDemotion' })) },
      },
      responses: {
        201: { description: 'The demotion, recorded', ...json(DesignationSchema) },
        404: problem('No such account'),
        412: problem('The account was changed by someone else since the If-Match version'),
        422: problem('Not a key account'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const designation = await runInWorkspace(c, (ctx) => demoteAccount(ctx, id, input, expectedVersion(c)));
      return c.json(designationBody(designation, localeOf(c)), 201);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/designations',
      tags,
      summary: 'Nominations and demotions, newest first (status=pending: the approvals queue)',
      request: { query: listDesignationsQuery },
      responses: { 200: { description: 'A page of designations', ...json(pageOf(DesignationSchema)) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const page = await runInWorkspace(c, (ctx) => listDesignations(ctx, query));
      const locale = localeOf(c);
      return c.json(
        { items: page.items.map((designation) => designationBody(designation, locale)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  router.openapi(
    apiRoute('portfolio:rate', {
      method: 'post',
      path: '/portfolio/designations',
      tags,
      summary: 'Nominate an account as a key account, with a justification (warns when its attractiveness is low)',
      request: { body: { required: true, ...json(nominateAccountInput.meta({ id: 'PortfolioNomination' })) } },
      responses: {
        201: { description: 'The nomination, pending', headers: etagHeader, ...json(DesignationSchema) },
        403: problem('Not your account'),
        422: problem('Already a key account, or a nomination is pending'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const designation = await runInWorkspace(c, (ctx) => nominateAccount(ctx, facts, input));
      c.header('ETag', etag(designation.version));
      c.header('Location', `/api/v1/portfolio/designations/${designation.id}`);
      return c.json(designationBody(designation, localeOf(c)), 201);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/designations/{id}',
      tags,
      summary: 'One nomination or demotion',
      request: { params: IdParams },
      responses: {
        200: { description: 'The designation', headers: etagHeader, ...json(DesignationSchema) },
        404: problem('No such designation'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const designation = await runInWorkspace(c, (ctx) => getDesignation(ctx, id));
      c.header('ETag', etag(designation.version));
      return c.json(designationBody(designation, localeOf(c)), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:manage', {
      method: 'post',
      path: '/portfolio/designations/{id}/approve',
      tags,
      summary: 'Approve a nomination: the account becomes a key account, within the cap',
      request: {
        params: IdParams,
        body: { required: true, ...json(approveDesignationInput.meta({ id: 'PortfolioApproval' })) },
      },
      responses: {
        200: { description: 'Approved', headers: etagHeader, ...json(DesignationSchema) },
        404: problem('No such designation'),
        412: staleProblem,
        422: problem('Already decided, or the cap of key accounts is reached'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const designation = await runInWorkspace(c, (ctx) =>
        approveDesignation(ctx, facts, id, input, expectedVersion(c)),
      );
      c.header('ETag', etag(designation.version));
      return c.json(designationBody(designation, localeOf(c)), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:manage', {
      method: 'post',
      path: '/portfolio/designations/{id}/reject',
      tags,
      summary: 'Reject a nomination, with a comment',
      request: {
        params: IdParams,
        body: { required: true, ...json(rejectDesignationInput.meta({ id: 'PortfolioRejection' })) },
      },
      responses: {
        200: { description: 'Rejected', headers: etagHeader, ...json(DesignationSchema) },
        404: problem('No such designation'),
        412: staleProblem,
        422: problem('Already decided'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const input = c.req.valid('json');
      const designation = await runInWorkspace(c, (ctx) => rejectDesignation(ctx, id, input, expectedVersion(c)));
      c.header('ETag', etag(designation.version));
      return c.json(designationBody(designation, localeOf(c)), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/reviews',
      tags,
      summary: 'Portfolio reviews, newest first',
      request: { query: listReviewsQuery },
      responses: { 200: { description: 'A page of reviews', ...json(pageOf(ReviewSchema)) } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(serialize(await runInWorkspace(c, (ctx) => listReviews(ctx, query))), 200);
    },
  );

  router.openapi(
    apiRoute('portfolio:manage', {
      method: 'post',
      path: '/portfolio/reviews',
      tags,
      summary: 'Run a portfolio review: a snapshot of every account’s scores and quadrant',
      request: { body: { required: true, ...json(runReviewInput.meta({ id: 'PortfolioReviewRun' })) } },
      responses: { 201: { description: 'The review', ...json(ReviewSchema) } },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const review = await runInWorkspace(c, (ctx) => runReview(ctx, facts, input));
      return c.json(serialize(review), 201);
    },
  );

  router.openapi(
    apiRoute('portfolio:read', {
      method: 'get',
      path: '/portfolio/reviews/compare',
      tags,
      summary: 'How accounts moved between two reviews, or since a review until today (without `to`)',
      request: { query: compareReviewsQuery },
      responses: {
        200: { description: 'Movement', ...json(ReviewComparisonSchema) },
        404: problem('No such review'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { from, to, ...movement } = await runInWorkspace(c, (ctx) => compareReviews(ctx, facts, query));
      // NOTE: the moves hold no dates: only the reviews go through `serialize`, not 10,000 moves.
      return c.json({ from: serialize(from), to: to ? serialize(to) : null, ...movement }, 200);
    },
  );

  return router;
}
