extension Schema {
  /// Sync bookkeeping: what each peer is known to hold, the bundles exchanged, chain ranges held
  /// only as hashes, events waiting for a gap to fill, and fork alarms. None of these tables is a
  /// projection: they record the exchange itself, so `zwfw rebuild` leaves them alone.
  static let v5 = """
    -- 对端接收进度: per peer and origin, the high-water mark and chain head the peer reported in
    -- the newest bundle imported from it. Export sends what lies beyond; the rows for the peer's
    -- own origins are the witnesses that catch a truncated or rewritten history.
    CREATE TABLE sync_peer_mark (
      peer TEXT NOT NULL,
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 0),
      hash TEXT NOT NULL,
      PRIMARY KEY (peer, origin)
    ) WITHOUT ROWID;

    -- Bundles written for a peer, numbered per peer so the peer can tell an older one.
    CREATE TABLE sync_export (
      id INTEGER PRIMARY KEY,
      peer TEXT NOT NULL,
      serial INTEGER NOT NULL CHECK (serial >= 1),
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      path TEXT NOT NULL,
      events INTEGER NOT NULL CHECK (events >= 0),
      digest TEXT NOT NULL,
      UNIQUE (peer, serial)
    );

    -- Bundles applied from a peer (one that brought nothing new is not recorded).
    CREATE TABLE sync_import (
      id INTEGER PRIMARY KEY,
      peer TEXT NOT NULL,
      serial INTEGER NOT NULL CHECK (serial >= 1),
      ts INTEGER NOT NULL,
      actor TEXT NOT NULL,
      digest TEXT NOT NULL,
      events INTEGER NOT NULL CHECK (events >= 0),
      quarantined INTEGER NOT NULL CHECK (quarantined >= 0),
      cases INTEGER NOT NULL CHECK (cases >= 0),
      conflicts INTEGER NOT NULL CHECK (conflicts >= 0)
    );
    CREATE INDEX sync_import_by_peer ON sync_import (peer, serial);

    -- Ranges of another origin's chain held only as their end hashes: events of that origin
    -- outside this node's scope (another township's cases). The audit walk links across them.
    CREATE TABLE chain_elided (
      origin TEXT NOT NULL,
      first_seq INTEGER NOT NULL CHECK (first_seq >= 1),
      last_seq INTEGER NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      PRIMARY KEY (origin, first_seq),
      CHECK (last_seq >= first_seq)
    ) WITHOUT ROWID;

    -- 隔离区: bundle items that arrived after a gap in their origin's sequence, applied when the
    -- missing events arrive. An item is one event or one elided range.
    CREATE TABLE sync_quarantine (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      elided INTEGER NOT NULL CHECK (elided IN (0, 1)),
      last_seq INTEGER NOT NULL,
      \(Schema.eventColumns),
      peer TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      PRIMARY KEY (origin, seq, elided),
      CHECK (last_seq >= seq)
    ) WITHOUT ROWID;

    -- 分叉告警: a bundle disagreed with what this node holds (a fork, or a history truncated or
    -- rewritten since the last exchange). The bundle was refused; the alarm stays for the admin.
    CREATE TABLE sync_alarm (
      id INTEGER PRIMARY KEY,
      ts INTEGER NOT NULL,
      peer TEXT NOT NULL,
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('fork', 'witness')),
      message TEXT NOT NULL
    );
    """
}
