/**
 * What the desk says to a person, in the page's language: amounts as `¥1,234.50`, and one sentence for what
 * an entry does, with the names people know beside the ids the entry holds.
 */

export const zh = document.documentElement.lang.startsWith("zh");
export const say = (en, chinese) => (zh ? chinese : en);

/** Member and fund names, from the page's lists. */
const names = new Map([...document.querySelectorAll("#members option, select[name=fund] option")].map((o) => [o.value, o.textContent]));
const named = (id) => names.get(id) ?? id;

export const money = (fen) => `¥${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;

const METHOD = { cash: ["in cash", "现金"], bank: ["by bank transfer", "银行转账"], mobile: ["by mobile payment", "移动支付"] };
const ROLE = { committee: ["the committee", "管理委员会"], oversight: ["the oversight group", "监督组"] };

/** One sentence for what an entry does, from its kind and data (a target described from its own bytes). */
export function describe(kind, d) {
  switch (kind) {
    case "donation":
      return d.form === "in_kind"
        ? say(`Donation in kind from ${d.donor} to ${named(d.fund)}: ${d.item}${d.quantity ? `, ${d.quantity} ${d.unit}` : ""}, declared value ${money(d.amount)}`,
          `${d.donor} 向${named(d.fund)}捐赠物资：${d.item}${d.quantity ? ` ${d.quantity}${d.unit}` : ""}，申报价值 ${money(d.amount)}`)
        : say(`Donation of ${money(d.amount)} in cash from ${d.donor} to ${named(d.fund)}`, `${d.donor} 向${named(d.fund)}捐款 ${money(d.amount)}（现金）`);
    case "sale":
      return say(`Sale for ${named(d.member)}: ${d.quantity} ${d.unit} of ${d.product} for ${money(d.amount)}${d.buyer ? ` to ${d.buyer}` : ""}${d.fee ? `, fee ${money(d.fee)} to ${named(d.fund ?? "general")}` : ""}`,
        `为${named(d.member)}助销${d.product} ${d.quantity}${d.unit}，售价 ${money(d.amount)}${d.buyer ? `，买方 ${d.buyer}` : ""}${d.fee ? `，服务费 ${money(d.fee)} 入${named(d.fund ?? "general")}` : ""}`);
    case "grant":
      return say(`Grant of ${money(d.amount)} to ${named(d.member)} from ${named(d.fund)}, for ${d.purpose}`, `从${named(d.fund)}向${named(d.member)}发放救助金 ${money(d.amount)}，用途：${d.purpose}`);
    case "payout":
      return say(`Pay ${money(d.amount)} to ${named(d.member)} ${METHOD[d.method]?.[0] ?? d.method}`, `以${METHOD[d.method]?.[1] ?? d.method}向${named(d.member)}支付 ${money(d.amount)}`);
    case "expense":
      return say(`Expense of ${money(d.amount)} from ${named(d.fund)} to ${d.payee}, for ${d.purpose}`, `从${named(d.fund)}支出 ${money(d.amount)} 给 ${d.payee}，用途：${d.purpose}`);
    case "reversal":
      return say(`Undo entry ${d.target}, because: ${d.reason}`, `冲正第 ${d.target} 条，原因：${d.reason}`);
    case "key.add":
      return say(`Add the key ${d.key?.id} of ${d.key?.holder} to ${ROLE[d.key?.role]?.[0] ?? d.key?.role}`, `为${ROLE[d.key?.role]?.[1] ?? d.key?.role}添加 ${d.key?.holder} 的密钥 ${d.key?.id}`);
    default:
      return `${kind}: ${JSON.stringify(d)}`;
  }
}
