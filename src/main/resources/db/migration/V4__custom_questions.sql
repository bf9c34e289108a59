-- Custom questions of a business, the questions services ask and the answers customers give.
-- Portable SQL: runs on H2 2.x and PostgreSQL 13+.

create table custom_question (
    pk                          bigint primary key,
    id                          varchar(64)   not null,
    business_pk                 bigint        not null references booking_business (pk),
    display_name                varchar(1000) not null,
    answer_input_type           varchar(32)   not null,
    answer_options_json         varchar(64000),
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    version                     bigint        not null,
    constraint custom_question_id unique (id)
);

create index custom_question_business on custom_question (business_pk);

-- [{"questionId": "…", "isRequired": true}, …]
alter table booking_service add column custom_questions_json varchar(16000);

-- [{"questionId": "…", "answer": "…", "selectedOptions": […]}, …]
alter table appointment_customer add column custom_question_answers_json varchar(64000);
