-- The inventory's revision: a value drawn anew by every transaction that changes the inventory, in the same
-- transaction. A node keeps the inventory it read with the revision it read it at, and reads it again only when the
-- revision differs (the inventory is read whole several times in a request's life, and changes a few times a year).
-- Drawn at random, not counted: a revision of a change that was rolled back is never drawn again.
CREATE TABLE inventory_revision (
    id       INT         NOT NULL PRIMARY KEY,
    revision VARCHAR(36) NOT NULL,
    CONSTRAINT ck_inventory_revision_one_row CHECK (id = 1)
);
INSERT INTO inventory_revision (id, revision) VALUES (1, 'V74');
