-- One database and one login per service (each service owns its schema and never reads another's).
-- Runs once, when the PostgreSQL data volume is created (docker-entrypoint-initdb.d).
-- LOCAL DEMO PASSWORDS ONLY: production databases and credentials come from Kubernetes Secrets (see ../../README.md).
create role org login password 'org-local-demo';
create database org owner org encoding 'UTF8' template template0;

create role volunteer login password 'volunteer-local-demo';
create database volunteer owner volunteer encoding 'UTF8' template template0;

create role consultation login password 'consultation-local-demo';
create database consultation owner consultation encoding 'UTF8' template template0;

-- no service may connect to another service's database
revoke connect on database org from public;
revoke connect on database volunteer from public;
revoke connect on database consultation from public;
