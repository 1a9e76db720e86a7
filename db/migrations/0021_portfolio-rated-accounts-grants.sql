-- Bookkeeping of which revision last changed each account's ratings: not anyone's change, so not audited.
GRANT SELECT, INSERT, UPDATE ON portfolio_rated_accounts TO accord_app;
