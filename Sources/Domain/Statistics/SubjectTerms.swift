/// 主题词 — the two- and three-character terms complaint subjects share (第三十四条: 定期对投诉
/// 内容进行分析). No dictionary: every run of Chinese characters gives its two- and
/// three-character substrings, each counted once per complaint; stop words and terms that start
/// or end on a function character are left out, and a three-character term counts only when its
/// two halves never occur without it (自来水, not 村自来); it then stands for them.
public enum SubjectTerms {
  /// Words too common in any complaint to say what it is about.
  public static let stopWords: Set<String> = [
    "反映", "咨询", "投诉", "建议", "问题", "情况", "要求", "请求", "希望", "相关", "有关", "一个", "没有", "不能",
    "是否", "如何", "怎么", "什么", "为何", "为什么", "多次", "长期", "办理", "申请", "部门", "单位", "工作",
    "人员", "群众", "进行", "存在", "导致", "关于", "以及", "可以", "需要", "已经", "目前", "现在",
  ]

  /// Characters a term never starts or ends with (particles, pronouns, 某).
  public static let stopCharacters: Set<Character> = [
    "的", "了", "和", "与", "及", "或", "在", "是", "某", "对", "被", "把", "等", "向", "从", "未", "不", "无",
    "已", "也", "都", "就", "还", "又", "请", "我", "你", "他", "她", "其", "这", "那", "之", "后", "前", "时",
    "个", "为", "并", "但", "却", "给", "让", "由", "于", "要", "能", "会", "着", "过", "吗", "呢", "啊",
  ]

  /// One term and the number of complaints whose subject holds it.
  public struct Term: Equatable, Sendable {
    public var text: String
    public var count: Int
  }

  /// The terms of `subjects` that at least `minimum` complaints share, most shared first (ties:
  /// longer first, then in character order), at most `limit`.
  public static func top(_ subjects: [String], limit: Int = 20, minimum: Int = 2) -> [Term] {
    var counts: [String: Int] = [:]
    for subject in subjects {
      for term in terms(of: subject) { counts[term, default: 0] += 1 }
    }
    let shared = counts.filter { $0.value >= minimum }
    // A triple is a word when its two pairs occur only inside it (自来水: 自来, 来水); such a
    // triple takes the place of its pairs, and a triple that is not one (村自来) is left out.
    let words = shared.filter { term, count in
      term.count == 3
        && [String(term.prefix(2)), String(term.suffix(2))].allSatisfy {
          shared[$0] == count
        }
    }
    let kept = shared.filter { term, count in
      guard term.count == 2 else { return words[term] != nil }
      return !words.contains { word, n in n == count && word.contains(term) }
    }
    return kept.map { Term(text: $0.key, count: $0.value) }
      .sorted {
        ($0.count, $0.text.count) != ($1.count, $1.text.count)
          ? ($0.count, $0.text.count) > ($1.count, $1.text.count) : $0.text < $1.text
      }
      .prefix(limit).map { $0 }
  }

  /// The distinct candidate terms of one subject: no term touches a stop word (低保申 of
  /// 低保申请) or starts or ends on a stop character.
  public static func terms(of subject: String) -> Set<String> {
    var out: Set<String> = []
    for run in chineseRuns(subject) {
      var covered = [Bool](repeating: false, count: run.count)
      for length in 2...3 where run.count >= length {
        for start in 0...(run.count - length)
        where stopWords.contains(String(run[start..<start + length])) {
          for i in start..<start + length { covered[i] = true }
        }
      }
      for length in 2...3 where run.count >= length {
        for start in 0...(run.count - length) {
          let span = start..<start + length
          guard !span.contains(where: { covered[$0] }), let first = run[span].first,
            let last = run[span].last,
            !stopCharacters.contains(first), !stopCharacters.contains(last)
          else { continue }
          out.insert(String(run[span]))
        }
      }
    }
    return out
  }

  /// Runs of CJK ideographs: punctuation, digits, Latin letters and spaces end a run.
  static func chineseRuns(_ text: String) -> [[Character]] {
    var runs: [[Character]] = []
    var current: [Character] = []
    for c in text {
      if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1,
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
      {
        current.append(c)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }
}
