-- An address mask shows no house, unit or room number any more (see Masking.address); the new
-- mask keeps a prefix of the old one, so it is derived without the key.
update service_order
set address_masked = regexp_replace(address_masked, '[0-9０-９].*$', '') || '****'
where address_masked ~ '[0-9０-９]';
