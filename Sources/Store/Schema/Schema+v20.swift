extension Schema {
  /// The rest of 投诉建议's views in page order (issue 26): 我的 as its ranges (awaiting
  /// dispatch, extensions to decide, a handler's unclaimed and own cases, a clerk's own
  /// registrations), 待回访 by status, and a clerk's 即将到期/已超期 and 待回访 as their
  /// organisation's side merged with its desk's. Partial where the view is a small part of the
  /// table; an index for one status leads with it, so SQLite never prefers the status queue and
  /// filters it. `complaint_by_status` and `complaint_by_registrant` are dropped: the status queue and
  /// the registrant's range lead with the same columns. Indexes only: no re-fold; every step may
  /// run again.
  static let v20 = """
    DROP INDEX IF EXISTS complaint_by_status;
    DROP INDEX IF EXISTS complaint_by_registrant;
    CREATE INDEX IF NOT EXISTS complaint_status_queue ON complaint
      (status, due_day IS NULL, due_day, last_ts DESC, case_id);
    CREATE INDEX IF NOT EXISTS complaint_extension_queue ON complaint
      (dispatcher, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE extension = 'pending' AND status <> 'awaitingDispatch';
    CREATE INDEX IF NOT EXISTS complaint_registrant_queue ON complaint
      (status, registered_by, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status = 'awaitingDispatch';
    CREATE INDEX IF NOT EXISTS complaint_handler_queue ON complaint
      (handling_org, handler, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status IN ('handling', 'rectifying');
    CREATE INDEX IF NOT EXISTS complaint_org_callback_queue ON complaint
      (handling_org, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status IN ('concluded', 'invalid');
    CREATE INDEX IF NOT EXISTS complaint_desk_callback_queue ON complaint
      (registering_org, due_day IS NULL, due_day, last_ts DESC, case_id)
      WHERE status IN ('concluded', 'invalid') AND handling_org <> registering_org;
    DROP INDEX IF EXISTS complaint_by_org_due;
    CREATE INDEX IF NOT EXISTS complaint_org_due_queue ON complaint
      (handling_org, due_day, last_ts DESC, case_id) WHERE due_day IS NOT NULL;
    CREATE INDEX IF NOT EXISTS complaint_desk_due_queue ON complaint
      (registering_org, due_day, last_ts DESC, case_id)
      WHERE due_day IS NOT NULL AND handling_org <> registering_org;
    """
}
