import Domain

/// `rating/ID` → the `rating` row; its organisation scopes the stream for sync.
struct RatingProjector: RowProjector {
  typealias Reducer = RatingReducer
  static let row = ProjectedRow(table: "rating", key: "id")

  func columns(_ s: RatingRecord) -> [ProjectedColumn] {
    let r = s.rating
    return [
      ("channel", r.channel.rawValue), ("service_case", r.serviceCaseID),
      ("item_code", r.itemCode), ("item_name", r.itemName), ("org", r.organisation),
      ("level", r.level.rawValue), ("comment", r.comment), ("real_name", r.realName),
      ("reviewer_name", r.reviewerName), ("reviewer_phone", r.reviewerPhone),
      ("rated_on", s.ratedOn.iso), ("recorded_at", s.recordedAt),
      ("recorded_by", s.recordedBy), ("rectification", s.rectificationID),
      ("invalid", s.invalid),
    ]
  }

  func scope(_ s: RatingRecord) -> Set<String>? { [s.rating.organisation] }
}

/// `rectification/CASE-ID` → the `rectification` row, its open deadline and its scope.
struct RectificationProjector: FoldingProjector {
  typealias Reducer = RectificationMachine
  var tables: [String] { ["rectification", CaseFindIndex.table] }
  static let row = ProjectedRow(table: "rectification", key: "id")

  func write(_ state: Rectification?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    guard let s = state else {
      try Self.row.delete(key: .text(id), db: c.db)
      try DeadlineIndex.replace(stream: stream, with: [], in: c)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      try CaseFindIndex.replace(stream: stream, keys: [], in: c)
      return
    }
    let due = s.due(c.calendar)
    try Self.row.write(
      key: .text(s.id),
      [
        ("rating_id", s.ratingID), ("org", s.organisation), ("phase", s.phase.rawValue),
        ("track", s.track?.rawValue), ("outcome", s.outcome?.rawValue), ("state", s.stateTitle),
        ("level", s.rating.level.rawValue), ("real_name", s.rating.realName),
        ("item_name", s.rating.itemName), ("channel", s.rating.channel.rawValue),
        ("opened_on", s.openedOn.iso), ("due_date", due?.iso), ("claimed_by", s.claimedBy),
        ("extensions", s.extensions), ("rounds", s.rounds), ("called_back", s.calledBack),
        ("closed_on", s.closedOn?.iso), ("updated_at", s.updatedAt),
        ("assignee", s.work.assignee),
        ("extension_pending", s.extensionRequest?.isPending == true),
      ], db: c.db)
    try DeadlineIndex.replace(
      stream: stream, with: RectificationMachine.openDeadlines(s, c.calendar), in: c)
    try StreamScope.replace(stream: stream, organisations: [s.organisation], in: c)
    try CaseFindIndex.replace(stream: stream, keys: RectificationMachine.findKeys(s), in: c)
  }
}
