/// Payload of `spotcheck.drawn`: the period, the seed and the cases drawn, so anyone can redraw
/// the same sample from the same population and see it was not hand-picked.
public struct SpotCheckDraw: EventPayload {
  public var from: CivilDate
  public var to: CivilDate
  public var size: Int
  /// The generator's seed as 16 hex digits (JSON numbers lose 64-bit precision).
  public var seed: String
  /// How many cases were concluded in the period.
  public var population: Int
  public var cases: [String]
}

/// 抽查结论.
public enum SpotCheckVerdict: String, Codable, Sendable, CaseIterable {
  case pass
  case fail

  public var title: String { self == .pass ? "合格" : "不合格" }
}

/// Payload of `spotcheck.verdict`.
public struct SpotCheckVerdictPayload: EventPayload {
  public var caseID: String
  public var verdict: SpotCheckVerdict
  public var note: String
}

/// 抽查 — a drawn sample and the verdicts recorded so far.
public struct SpotCheck: Codable, Equatable, Sendable {
  public struct Item: Codable, Equatable, Sendable {
    public var caseID: String
    public var verdict: SpotCheckVerdict?
    public var note: String?
    public var by: String?
    public var on: CivilDate?
  }

  public var id: String
  public var draw: SpotCheckDraw
  public var drawnBy: String
  public var drawnOn: CivilDate
  public var items: [Item]

  public var checked: Int { items.filter { $0.verdict != nil }.count }
}

/// 抽查 stream `spotcheck/ID`.
public enum SpotCheckReducer: RecordReducer {
  public typealias State = SpotCheck
  public static let streamKind = "spotcheck"

  public static let noun = "抽查"

  public static func next(_ state: SpotCheck?, _ event: Event, _ context: FoldContext) throws
    -> SpotCheck?
  {
    let date = context.zone.civilDate(event.date)
    switch event.type {
    case .spotCheckDrawn:
      let d = try event.decode(SpotCheckDraw.self)
      if state != nil { throw Refusal("抽查编号已被使用") }
      return SpotCheck(
        id: String(splitStream(event.stream).id), draw: d, drawnBy: event.actor, drawnOn: date,
        items: d.cases.map { SpotCheck.Item(caseID: $0) })
    case .spotCheckVerdict:
      let v = try event.decode(SpotCheckVerdictPayload.self)
      if let r = check(state, v) { throw r }
      guard var s = state, let i = s.items.firstIndex(where: { $0.caseID == v.caseID }) else {
        throw Refusal("抽查不存在")
      }
      s.items[i] = SpotCheck.Item(
        caseID: v.caseID, verdict: v.verdict, note: v.note, by: event.actor, on: date)
      return s
    default:
      return nil
    }
  }

  /// Why a verdict may not be recorded; nil when it may.
  public static func check(_ state: SpotCheck?, _ v: SpotCheckVerdictPayload) -> Refusal? {
    guard let s = state else { return Refusal("抽查不存在") }
    guard let item = s.items.first(where: { $0.caseID == v.caseID }) else {
      return Refusal("\(v.caseID) 不在本次抽查的样本中")
    }
    if item.verdict != nil { return Refusal("\(v.caseID) 的抽查结论已记录") }
    if let p = FieldText.check(v.note, field: "抽查意见", required: false, maxLength: 300) {
      return Refusal(p.message)
    }
    return nil
  }

  /// Why a draw is not possible; nil when it is.
  public static func check(from: CivilDate, to: CivilDate, size: Int, population: Int) -> Refusal? {
    if to < from { return Refusal("结束日期不能早于开始日期") }
    guard SpotCheckSampler.sizeRange.contains(size) else {
      let r = SpotCheckSampler.sizeRange
      return Refusal("抽查数量应为\(r.lowerBound)至\(r.upperBound)")
    }
    if population == 0 { return Refusal("\(from.iso) 至 \(to.iso) 没有办结的投诉建议") }
    return nil
  }
}

/// 随机抽样 — a reproducible sample: SplitMix64 from the recorded seed drives a partial
/// Fisher-Yates shuffle over the population in a fixed order.
public enum SpotCheckSampler {
  /// How many cases one draw may take (the form offers these).
  public static let sizeRange = 1...200

  /// Draws `min(size, population.count)` ids; the same population, size and seed always give the
  /// same ids in the same order.
  public static func sample(_ population: [String], size: Int, seed: UInt64) -> [String] {
    var pool = population.sorted()
    var state = seed
    let n = min(max(0, size), pool.count)
    for i in 0..<n {
      let remaining = UInt64(pool.count - i)
      let j = i + Int(next(&state) % remaining)
      pool.swapAt(i, j)
    }
    return Array(pool.prefix(n))
  }

  /// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and fully specified, so a sample can be
  /// redrawn with any implementation.
  static func next(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  public static func hex(_ seed: UInt64) -> String {
    let digits = String(seed, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }

  public static func parse(_ hex: String) -> UInt64? { UInt64(hex, radix: 16) }
}
