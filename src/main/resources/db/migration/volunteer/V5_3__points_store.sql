-- Points (积分) earned by confirmed volunteer hours and bonuses, and the points store (爱心超市)
-- where they are redeemed for items of a practice site.

-- A person's balance, kept in the transaction that appends to the ledger; always the sum of the
-- person's entries and never below zero.
create table points_account (
    person_id  bigint  primary key references person (id),
    balance    bigint  not null default 0,
    constraint points_account_balance_chk check (balance >= 0)
);

-- Items of a practice site's store.
create table store_item (
    id           bigserial     primary key,
    org_id       bigint        not null references org (id),
    name         varchar(100)  not null,
    description  varchar(1000),
    points       int           not null,
    stock        int           not null,
    active       boolean       not null default true,
    created_by   varchar(64)   not null,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    constraint store_item_points_chk check (points > 0),
    constraint store_item_stock_chk check (stock >= 0)
);
create index store_item_org_idx on store_item (org_id, active);

-- A redemption order: ORDERED (points taken, one item set aside, pickup code given), then
-- COLLECTED at the site with the code, or CANCELLED (points refunded, item back in stock).
create table store_redemption (
    id            bigserial    primary key,
    item_id       bigint       not null references store_item (id),
    person_id     bigint       not null references person (id),
    points        int          not null,
    code          varchar(8)   not null,
    status        varchar(10)  not null default 'ORDERED',
    ordered_at    timestamptz  not null default now(),
    collected_at  timestamptz,
    collected_by  varchar(64),
    cancelled_at  timestamptz,
    cancelled_by  varchar(64),
    constraint store_redemption_status_chk check (status in ('ORDERED', 'COLLECTED', 'CANCELLED')),
    constraint store_redemption_points_chk check (points > 0)
);
create unique index store_redemption_code_uk on store_redemption (code) where status = 'ORDERED';
create index store_redemption_person_idx on store_redemption (person_id, ordered_at);
create index store_redemption_item_idx on store_redemption (item_id, status);

-- The points ledger: append-only. HOURS credits confirmed hours, CORRECTION follows a correction of
-- hours (taking back no more than the balance holds), BONUS is given with a reason by staff,
-- REDEMPTION pays for an order and REFUND returns it when the order is cancelled.
create table points_entry (
    id              bigserial     primary key,
    person_id       bigint        not null references person (id),
    kind            varchar(12)   not null,
    delta           int           not null,
    balance_after   bigint        not null,
    reason          varchar(500),
    hours_entry_id  bigint        references hours_entry (id),
    redemption_id   bigint        references store_redemption (id),
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null default now(),
    constraint points_entry_kind_chk check (kind in ('HOURS', 'BONUS', 'REDEMPTION', 'REFUND', 'CORRECTION')),
    constraint points_entry_balance_chk check (balance_after >= 0),
    constraint points_entry_hours_chk check (kind <> 'HOURS' or (delta >= 0 and hours_entry_id is not null)),
    constraint points_entry_correction_chk check (kind <> 'CORRECTION' or hours_entry_id is not null),
    constraint points_entry_bonus_chk check (kind <> 'BONUS' or (delta > 0 and reason is not null)),
    constraint points_entry_redemption_chk check (kind <> 'REDEMPTION' or (delta < 0 and redemption_id is not null)),
    constraint points_entry_refund_chk check (kind <> 'REFUND' or (delta > 0 and redemption_id is not null))
);
create index points_entry_person_idx on points_entry (person_id, id);
create unique index points_entry_hours_uk on points_entry (hours_entry_id) where hours_entry_id is not null;
create unique index points_entry_refund_uk on points_entry (redemption_id) where kind = 'REFUND';

create function points_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception '积分记录只能追加，不能修改或删除' using errcode = 'P0001';
end;
$$;
create trigger points_entry_no_update before update or delete on points_entry
    for each row execute function points_entry_append_only();
create trigger points_entry_no_truncate before truncate on points_entry
    for each statement execute function points_entry_append_only();
