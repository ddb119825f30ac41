import Domain

/// `rating/ID` → the `rating` row; its organisation scopes the stream for sync.
struct RatingProjector: FoldingProjector {
  typealias Reducer = RatingReducer
  var tables: [String] { ["rating"] }
  static let row = ProjectedRow(
    table: "rating", key: "id",
    columns: [
      "channel", "service_case", "item_code", "item_name", "org", "level", "comment",
      "real_name", "reviewer_name", "reviewer_phone", "rated_on", "recorded_at", "recorded_by",
      "rectification", "invalid",
    ])

  func write(_ state: RatingRecord?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    guard let s = state else {
      try Self.row.delete(key: .text(id), db: c.db)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let r = s.rating
    let values: [any SQLBindable] = [
      r.channel.rawValue, r.serviceCaseID, r.itemCode, r.itemName, r.organisation,
      r.level.rawValue, r.comment, r.realName, r.reviewerName, r.reviewerPhone, s.ratedOn.iso,
      s.recordedAt, s.recordedBy, s.rectificationID, s.invalid,
    ]
    try Self.row.write(key: .text(s.id), values.map(\.sqlValue), db: c.db)
    try StreamScope.replace(stream: stream, organisations: [r.organisation], in: c)
  }
}

/// `rectification/CASE-ID` → the `rectification` row, its open deadline and its scope.
struct RectificationProjector: FoldingProjector {
  typealias Reducer = RectificationMachine
  var tables: [String] { ["rectification"] }
  static let row = ProjectedRow(
    table: "rectification", key: "id",
    columns: [
      "rating_id", "org", "phase", "track", "outcome", "state", "level", "real_name",
      "item_name", "channel", "opened_on", "due_date", "claimed_by", "extensions", "rounds",
      "called_back", "closed_on", "updated_at",
    ])

  func write(_ state: Rectification?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    guard let s = state else {
      try Self.row.delete(key: .text(id), db: c.db)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    let due = s.due(c.calendar)
    let values: [any SQLBindable] = [
      s.ratingID, s.organisation, s.phase.rawValue, s.track?.rawValue, s.outcome?.rawValue,
      s.stateTitle, s.rating.level.rawValue, s.rating.realName, s.rating.itemName,
      s.rating.channel.rawValue, s.openedOn.iso, due?.iso, s.claimedBy, s.extensions, s.rounds,
      s.calledBack, s.closedOn?.iso, s.updatedAt,
    ]
    try Self.row.write(key: .text(s.id), values.map(\.sqlValue), db: c.db)
    try DeadlineIndex.replace(
      stream: stream, with: RectificationMachine.openDeadlines(s, c.calendar), in: c)
    try StreamScope.replace(stream: stream, organisations: [s.organisation], in: c)
  }
}
