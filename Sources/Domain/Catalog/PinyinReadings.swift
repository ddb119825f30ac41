/// 汉字读音表 — the toneless readings of each character (`share/zwfw/pinyin-readings.tsv`, from
/// Unicode Unihan), so a clerk finds an item by typing its pinyin as they say it: initials
/// (`gtgsdj`), the full syllables (`getigongshanghu`) or both mixed. A character with several
/// readings (行: hang, heng, xing) matches any of them.
public struct PinyinReadings: Sendable {
  private var table: [Character: [String]] = [:]

  /// Reads the table file: `CHARACTER<TAB>reading[,reading…]` lines, `#` comments. A malformed
  /// line is left out (the character then matches by its Chinese text only).
  public init(tsv: String) {
    for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: "\t")
      guard parts.count == 2, parts[0].count == 1, let ch = parts[0].first else { continue }
      let readings = parts[1].split(separator: ",").map { String($0) }.filter {
        !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
      }
      if !readings.isEmpty { table[ch] = readings }
    }
  }

  public var isEmpty: Bool { table.isEmpty }

  /// The readings of a character: its own lowercase letter for a Latin letter or digit (a code
  /// or `B超` in a name), none for anything else the table lacks.
  public func readings(of ch: Character) -> [String] {
    if let r = table[ch] { return r }
    if ch.isASCII, ch.isLetter || ch.isNumber { return [ch.lowercased()] }
    return []
  }

  /// Whether `query` (lowercase letters) is a pinyin spelling of part of `text`, and how many
  /// separate runs of characters it needed (1: a contiguous stretch, the best match), nil when it
  /// is none. Each character spells any prefix of one of its readings — its initial (`g`), more
  /// (`zh`), or the whole syllable (`ge`) — so `gtgsdj` is 个体工商 + 登记 in 个体工商户设立登记
  /// (two runs).
  public func runs(_ query: String, in text: String) -> Int? {
    let q = Array(query.utf8)
    guard !q.isEmpty else { return nil }
    let chars = text.map { readings(of: $0).map { Array($0.utf8) } }
    let n = chars.count
    let none = Int.max / 4
    // run[i][j]: the fewest further runs to spell q[i...] when the current run goes on at
    // character j (which must spell q[i] onwards); later[i][j]: the fewest runs, this one
    // counted, when a new run starts at character j or after it.
    var run = Array(repeating: Array(repeating: none, count: n + 1), count: q.count + 1)
    var later = run
    for i in stride(from: q.count - 1, through: 0, by: -1) {
      for j in stride(from: n - 1, through: 0, by: -1) {
        var fewest = none
        for r in chars[j] {
          var k = 0
          while k < r.count, i + k < q.count, r[k] == q[i + k] {
            k += 1
            let rest = i + k
            if rest == q.count {
              fewest = 0
            } else {
              fewest = min(fewest, run[rest][j + 1], later[rest][j + 1])
            }
          }
        }
        run[i][j] = fewest
        later[i][j] = min(later[i][j + 1], fewest == none ? none : fewest + 1)
      }
    }
    return later[0][0] < none ? later[0][0] : nil
  }
}
