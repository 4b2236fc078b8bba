-- 013_invite_link.sql - invitation links the recruiter can see again (fcgi-app/invite_link.c):
-- the nonce a link's token is derived from with the server's secret.  The token itself is
-- stored nowhere; invite_token_hash stays what a link is looked up by.  NULL for a link
-- made before this, or without a secret: such a link cannot be shown again.
ALTER TABLE candidate ADD COLUMN invite_nonce text
    CHECK (invite_nonce ~ '^[0-9a-f]{32}$');
