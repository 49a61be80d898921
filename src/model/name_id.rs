//! Ids made from names: a person added without an id gets the pinyin of their name
//! (张三 → `zhangsan`), and the first free one of `zhangsan`, `zhangsan-2`, `zhangsan-3` … when
//! it is taken. The pinyin comes from the `pinyin` crate (the tables of pinyin-data, the
//! reference for Mandarin readings); a character it does not know is left out.

use pinyin::ToPinyin;

use super::is_valid_id;

/// The id a name reads as: the plain pinyin of each Chinese character, ASCII letters and digits
/// lowercased, anything else left out; `m` when nothing is left, cut to 56 characters so that a
/// `-N` suffix still fits.
pub fn id_of_name(name: &str) -> String {
    let mut out = String::new();
    // A space, `-` or `_` separates words written in letters (`Li Lei` → `li-lei`); between
    // Chinese characters it is padding (`王 芳` → `wangfang`).
    let mut pending = false;
    let mut last_ascii = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending && last_ascii {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            last_ascii = true;
            pending = false;
        } else if let Some(p) = c.to_pinyin() {
            out.push_str(p.plain());
            last_ascii = false;
            pending = false;
        } else if c == '-' || c == '_' || c.is_whitespace() {
            pending = true;
        }
    }
    let mut id: String = out.trim_end_matches('-').chars().take(56).collect();
    id = id.trim_end_matches('-').to_string();
    if id.is_empty() || !is_valid_id(&id) {
        id = format!("m{id}");
    }
    if !is_valid_id(&id) {
        return "m".to_string();
    }
    id
}

/// The first of `base`, `base-2`, `base-3` … that `taken` does not hold.
pub fn free_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range has a free id")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_pinyin() {
        assert_eq!(id_of_name("张三"), "zhangsan");
        assert_eq!(id_of_name("王 芳"), "wangfang");
        assert_eq!(id_of_name("欧阳修"), "ouyangxiu");
        assert_eq!(id_of_name("Li Lei"), "li-lei");
        assert_eq!(id_of_name("李·明2"), "liming2");
        assert_eq!(id_of_name("…"), "m");
        assert!(is_valid_id(&id_of_name(&"张".repeat(40))));
    }

    #[test]
    fn taken_ids_get_a_number() {
        let taken = ["zhangsan", "zhangsan-2"];
        assert_eq!(free_id("zhangsan", |id| taken.contains(&id)), "zhangsan-3");
        assert_eq!(free_id("lisi", |id| taken.contains(&id)), "lisi");
    }
}
