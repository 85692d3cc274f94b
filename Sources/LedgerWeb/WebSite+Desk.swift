import Foundation
import LedgerCore
import LedgerViews

extension WebSite {
    /// `GET /desk`: where the committee records and the oversight group approves, signing in the browser.
    ///
    /// The page is forms only; `/assets/desk.js` builds each entry from them, shows the person in plain words what
    /// they are about to sign, signs the canonical bytes with a key kept in this browser and posts them to
    /// `POST /api/v1/entries`, which runs every rule. Each form's inputs are named after the `data` fields of its
    /// kind (docs/FORMAT.md section 6); `data-type` says how the script reads them.
    func desk() -> String {
        let title = t("Desk: record, approve, sign", "工作台：录入、审批、签名")
        var body = "<h1>\(HTML.isolated(title))</h1><p>\(HTML.isolated(society))</p>"
        body += "<noscript><p>\(HTML.escape(t("The desk signs in your browser: turn on JavaScript.", "工作台在本浏览器中签名：请开启 JavaScript。")))</p></noscript>"
        body += Self.keySection
        body += "<section id=\"record\" hidden><h2>\(HTML.escape(t("Record", "录入")))</h2>"
        body += "<p><label>\(HTML.escape(t("Kind of entry", "条目类型"))) <select id=\"kind\">"
            + Self.recordedKinds.map { "<option value=\"\($0.rawValue)\">\(HTML.escape(Format.kindName($0)))</option>" }.joined()
            + "</select></label></p>"
        body += Self.recordedKinds.map(entryForm).joined()
        // Once for every form: a society has hundreds of households, and a list per form would weigh the page down.
        body += "<datalist id=\"members\">" + state.members.values.filter { !$0.closed }.sorted { $0.id < $1.id }
            .map { "<option value=\"\(HTML.escape($0.id))\">\(HTML.escape(Self.named($0.name, $0.id)))</option>" }.joined() + "</datalist>"
        body += "</section>"
        body += Self.confirmation
        body += pendingSection()
        body += "<section id=\"checkpoint\" hidden><h2>\(HTML.escape(t("Sign a checkpoint", "签署检查点")))</h2>"
            + "<p>\(HTML.escape(t("Your browser fetches every entry, checks each signature, the chain and the Merkle root, and then signs the tree head, so that members can check their pages against it.", "浏览器将取回全部条目，核对每条签名、链接和默克尔根，然后签署树头，供成员据此核验本户页面。")))</p>"
            + "<button type=\"button\" id=\"sign-checkpoint\">\(HTML.escape(t("Check the ledger and sign", "核验账本并签名")))</button>"
            + "<p class=\"message\" role=\"status\"></p></section>"
        return Self.layout(title: title, body: body, modules: ["/assets/desk.js"])
    }

    /// The kinds the desk records; approvals, rejections and checkpoints have their own sections.
    static let recordedKinds: [Kind] = [.donation, .sale, .grant, .payout, .expense, .reversal, .keyAdd]

    /// Who signs here: the key kept in this browser, a new one, or a key file opened.
    static var keySection: String {
        """
        <section id="key" data-state="loading"><h2>\(HTML.escape(t("Your key", "您的密钥")))</h2>\
        <p class="who" role="status">\(HTML.escape(t("Looking for your key in this browser…", "正在本浏览器中查找您的密钥…")))</p>\
        <div class="public" hidden><p>\(HTML.escape(t("Give the committee this line; they add your key with it:", "请把下面这一行交给管理委员会，他们据此添加您的密钥：")))</p>\
        <pre class="add-command"></pre></div>\
        <details class="new-key"><summary>\(HTML.escape(t("Make a new key in this browser", "在本浏览器中新建密钥")))</summary>\
        <form id="create-key"><label>\(HTML.escape(t("Your name", "您的姓名"))) <input name="holder" required maxlength="100"></label> \
        <label>\(HTML.escape(t("Passphrase for the saved copy (optional)", "备份文件的口令（可不填）"))) <input name="passphrase" type="password" autocomplete="new-password"></label> \
        <button type="submit">\(HTML.escape(t("Make the key", "新建密钥")))</button>\
        <p class="note">\(HTML.escape(t("The key stays in this browser and cannot be read out of it. Save the copy offered once it is made: it is the only way to use the key elsewhere, or again if this browser's data is cleared.", "密钥保存在本浏览器中，无法被读出。新建后请保存提供的备份文件：这是在别处使用该密钥、或在清除浏览器数据后再次使用它的唯一方式。")))</p>\
        <p class="message" role="status"></p><p class="saved"></p></form></details>\
        <details class="open-key"><summary>\(HTML.escape(t("Open a key file (ledger keygen)", "打开密钥文件（ledger keygen）")))</summary>\
        <form id="open-key"><label>\(HTML.escape(t("Key file", "密钥文件"))) <input name="file" type="file" accept=".pem,.key,text/plain" required></label> \
        <label>\(HTML.escape(t("Passphrase, if it has one", "口令（如有）"))) <input name="passphrase" type="password" autocomplete="current-password"></label> \
        <button type="submit">\(HTML.escape(t("Open", "打开")))</button><p class="message" role="status"></p></form></details></section>
        """
    }

    /// Shown before anything is signed: what the entry says, in words, and the two choices.
    static var confirmation: String {
        """
        <section id="confirm" hidden><h2>\(HTML.escape(t("Check before you sign", "签名前请核对")))</h2>\
        <p class="what"></p><details><summary>\(HTML.escape(t("The exact data to be signed", "将签名的原始数据")))</summary><pre class="fields"></pre></details>\
        <button type="button" class="sign">\(HTML.escape(t("Sign and send", "签名并提交")))</button> \
        <button type="button" class="cancel">\(HTML.escape(t("Cancel", "取消")))</button></section>
        """
    }

    /// One form per kind. Optional fields left empty are left out of the entry.
    func entryForm(_ kind: Kind) -> String {
        let member = Self.input("member", t("Household (id or name)", "农户（编号或姓名）"), type: "member")
        let funds = state.funds.values.sorted { $0.id < $1.id }.map { ($0.id, Self.named($0.name, $0.id)) }
        let fields: [String]
        switch kind {
        case .donation:
            fields = [Self.text("donor", t("Donor", "捐赠方")), Self.input("amount", t("Amount (yuan)", "金额（元）"), type: "yuan"),
                      Self.choice("fund", t("Fund", "基金"), funds),
                      Self.choice("form", t("Given as", "形式"), [("cash", t("cash", "现金")), ("in_kind", t("goods (in kind)", "物资"))]),
                      Self.text("item", t("What was given (goods only)", "捐赠物品（仅物资）"), optional: true),
                      Self.input("quantity", t("Quantity (goods only)", "数量（仅物资）"), type: "text", optional: true),
                      Self.text("unit", t("Unit (goods only)", "单位（仅物资）"), optional: true),
                      Self.text("receipt", t("Receipt number", "收据编号"), optional: true)]
        case .sale:
            fields = [member, Self.text("product", t("Product", "产品")),
                      Self.input("quantity", t("Quantity", "数量"), type: "text"), Self.text("unit", t("Unit", "单位")),
                      Self.input("amount", t("Sale price (yuan)", "销售额（元）"), type: "yuan"),
                      Self.text("buyer", t("Buyer", "买方"), optional: true),
                      Self.input("fee", t("Society's fee (yuan)", "服务费（元）"), type: "yuan", optional: true),
                      Self.choice("fund", t("Fund receiving the fee", "收取服务费的基金"), funds)]
        case .grant:
            fields = [member, Self.input("amount", t("Amount (yuan)", "金额（元）"), type: "yuan"),
                      Self.choice("fund", t("From fund", "来源基金"), funds), Self.text("purpose", t("Purpose (a category, never a diagnosis)", "用途（类别，勿写病情）"))]
        case .payout:
            fields = [member, Self.input("amount", t("Amount (yuan)", "金额（元）"), type: "yuan"),
                      Self.choice("method", t("Paid by", "方式"), [("cash", t("cash", "现金")), ("bank", t("bank transfer", "银行转账")), ("mobile", t("mobile payment", "移动支付"))])]
        case .expense:
            fields = [Self.choice("fund", t("From fund", "来源基金"), funds), Self.input("amount", t("Amount (yuan)", "金额（元）"), type: "yuan"),
                      Self.text("payee", t("Paid to", "收款方")), Self.text("purpose", t("Purpose", "用途"))]
        case .reversal:
            fields = [Self.input("target", t("Entry to undo (number)", "要冲正的条目（序号）"), type: "seq"), Self.text("reason", t("Reason", "原因"))]
        default: // key.add
            fields = [Self.text("holder", t("Holder's name", "持有人姓名")),
                      Self.choice("role", t("Role", "角色"), [("committee", t("committee", "管理委员会")), ("oversight", t("oversight", "监督组"))]),
                      Self.input("pub", t("Public key (base64, or the .pub file's text)", "公钥（base64，或 .pub 文件内容）"), type: "pub")]
        }
        let memo = Self.text("memo", t("Memo (optional, not shown on the notice)", "备注（可不填，不公示）"), optional: true, memo: true)
        return "<form class=\"entry\" data-kind=\"\(kind.rawValue)\" hidden>" + (fields + [memo]).joined()
            + "<button type=\"submit\">\(HTML.escape(t("Review", "核对")))</button><p class=\"message\" role=\"alert\"></p></form>"
    }

    /// `黄大伯（H01）`, `社区慈善基金 (general)`: the name people know, with the id the entry holds.
    static func named(_ name: String, _ id: String) -> String { t("\(name) (\(id))", "\(name)（\(id)）") }

    static func input(_ name: String, _ label: String, type: String, optional: Bool = false) -> String {
        let mode = type == "yuan" ? " inputmode=\"decimal\"" : type == "seq" ? " inputmode=\"numeric\"" : type == "member" ? " list=\"members\"" : ""
        return "<p><label>\(HTML.escape(label)) <input name=\"\(name)\" data-type=\"\(type)\"\(mode)\(optional ? "" : " required") autocomplete=\"off\"></label></p>"
    }

    static func text(_ name: String, _ label: String, optional: Bool = false, memo: Bool = false) -> String {
        "<p><label>\(HTML.escape(label)) <input name=\"\(name)\" data-type=\"text\" maxlength=\"\(memo ? 500 : 100)\"\(optional ? "" : " required")></label></p>"
    }

    static func choice(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
        "<p><label>\(HTML.escape(label)) <select name=\"\(name)\" data-type=\"text\">"
            + options.map { "<option value=\"\(HTML.escape($0.0))\">\(HTML.escape($0.1))</option>" }.joined()
            + "</select></label></p>"
    }

    /// What waits for approval, each with the means to approve or reject it. The script describes each from the
    /// entry's own bytes before anyone signs, not from this table.
    func pendingSection() -> String {
        let items = state.pending.values.sorted { $0.seq < $1.seq }
        var html = "<section id=\"pending\" hidden><h2>\(HTML.escape(t("Waiting for approval", "待审批事项")))</h2>"
        guard !items.isEmpty else {
            return html + "<p>\(HTML.escape(t("Nothing is waiting for approval.", "没有待审批的条目。")))</p></section>"
        }
        html += "<ul class=\"pending\">"
        for item in items {
            let what = "\(item.seq) · \(Format.kindName(item.kind)) · " + Describe.payload(state.payload(of: item), state: state)
            let author = state.keys[item.author]?.holder ?? item.author
            html += "<li data-seq=\"\(item.seq)\" data-kind=\"\(item.kind.rawValue)\" data-approval=\"\(item.kind.approval == .money ? "money" : "governance")\"><p>\(HTML.isolated(what)) "
                + "<span class=\"note\">\(HTML.escape(t("recorded by", "录入人")))</span> \(HTML.isolated(author))</p>"
                + "<button type=\"button\" class=\"approve\">\(HTML.escape(t("Approve", "批准")))</button> "
                + "<label>\(HTML.escape(t("Reason to reject", "驳回原因"))) <input name=\"reason\" maxlength=\"100\"></label> "
                + "<button type=\"button\" class=\"reject\">\(HTML.escape(t("Reject", "驳回")))</button>"
                + "<p class=\"message\" role=\"alert\"></p></li>"
        }
        return html + "</ul></section>"
    }
}
