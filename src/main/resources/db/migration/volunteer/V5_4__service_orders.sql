-- Service orders (群众点单、中心派单、志愿者接单、群众评单) and wishes (微心愿), with their history.
create table service_category (
    id          bigserial    primary key,
    name        varchar(50)  not null,
    position    int          not null default 0,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now()
);
create unique index service_category_name_uk on service_category (name);

insert into service_category (name, position) values
    ('理论宣讲', 1), ('文化文艺', 2), ('科学普及', 3), ('卫生健康', 4), ('法律服务', 5),
    ('助老助残', 6), ('环境保护', 7), ('心理疏导', 8), ('家电维修', 9);

create table service_order (
    id                   bigserial     primary key,
    category_id          bigint        not null references service_category (id),
    -- the practice site (新时代文明实践中心/所/站) the order goes to
    site_org_id          bigint        not null references org (id),
    -- whose queue the order is in: the site, or the org it was dispatched down to
    handler_org_id       bigint        not null references org (id),
    -- the org that made the last dispatch; a declined order returns to its queue
    dispatcher_org_id    bigint        references org (id),
    team_id              bigint        references volunteer_team (id),
    -- the volunteer who claimed a wish
    handler_person_id    bigint        references person (id),
    -- for whom the service is
    person_id            bigint        not null references person (id),
    care_recipient_id    bigint        references care_recipient (id),
    ordered_by           varchar(64)   not null,
    wish                 boolean       not null default false,
    description          varchar(2000) not null,
    desired_from         timestamptz   not null,
    desired_to           timestamptz   not null,
    phone_cipher         bytea,
    phone_masked         varchar(11),
    address_cipher       bytea,
    address_masked       varchar(100),
    status               varchar(20)   not null,
    reject_reason        varchar(500),
    decline_reason       varchar(500),
    activity_id          bigint        references activity (id),
    rating               int,
    rating_comment       varchar(500),
    report               text,
    chase_count          int           not null default 0,
    last_chased_at       timestamptz,
    created_at           timestamptz   not null,
    reviewed_at          timestamptz,
    dispatched_at        timestamptz,
    accepted_at          timestamptz,
    finished_at          timestamptz,
    completed_at         timestamptz,
    overdue_since        timestamptz,
    escalated_at         timestamptz,
    version              int           not null default 0,
    constraint service_order_status_chk check (status in ('PENDING_REVIEW', 'PENDING_DISPATCH', 'DISPATCHED',
        'ACCEPTED', 'IN_SERVICE', 'PENDING_RATING', 'COMPLETED', 'REJECTED', 'CANCELLED')),
    constraint service_order_rating_chk check (rating between 1 and 5),
    constraint service_order_window_chk check (desired_to > desired_from)
);
create index service_order_person_idx on service_order (person_id);
create index service_order_handler_idx on service_order (handler_org_id, status);
create index service_order_site_idx on service_order (site_org_id, status);
create index service_order_team_idx on service_order (team_id);
create index service_order_open_wish_idx on service_order (status) where wish;

-- What happened to an order, in order; never changed.
create table service_order_event (
    id        bigserial     primary key,
    order_id  bigint        not null references service_order (id),
    at        timestamptz   not null,
    actor     varchar(64)   not null,
    action    varchar(20)   not null,
    status    varchar(20)   not null,
    note      varchar(2000) not null default ''
);
create index service_order_event_order_idx on service_order_event (order_id, id);
create index service_order_event_action_idx on service_order_event (action, at);
