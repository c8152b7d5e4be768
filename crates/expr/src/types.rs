//! The static types of expression values, shown the way actionlint shows them.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A value's type. Objects and arrays are behind `Arc` so that context types are cheap to
/// clone while checking.
#[derive(Debug, Clone, PartialEq)]
pub enum Type {
    /// Unknown; compatible with everything.
    Any,
    Null,
    Bool,
    Number,
    String,
    Object(Arc<ObjectType>),
    Array(Arc<ArrayType>),
}

/// An object: known properties plus, optionally, the type of every other property.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectType {
    /// Property names are stored lowercased: property access is case-insensitive.
    pub props: BTreeMap<String, Type>,
    /// The type of properties not in `props`; `None` makes the object closed, so that unknown
    /// properties are errors.
    pub rest: Option<Type>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArrayType {
    pub elem: Type,
    /// Produced by a `.*` filter: property access then maps over the elements.
    pub filtered: bool,
}

impl Type {
    /// A closed object with these properties (names are lowercased).
    pub fn object<K: AsRef<str>>(props: impl IntoIterator<Item = (K, Type)>) -> Type {
        Type::Object(Arc::new(ObjectType {
            props: props
                .into_iter()
                .map(|(k, v)| (k.as_ref().to_ascii_lowercase(), v))
                .collect(),
            rest: None,
        }))
    }

    /// An object whose every property has type `value`: `{string => T}`.
    pub fn map_of(value: Type) -> Type {
        Type::Object(Arc::new(ObjectType {
            props: BTreeMap::new(),
            rest: Some(value),
        }))
    }

    /// An object about which nothing is known: `object`.
    pub fn any_object() -> Type {
        Type::map_of(Type::Any)
    }

    /// An open object: known properties, anything else is `rest`.
    pub fn open_object<K: AsRef<str>>(props: impl IntoIterator<Item = (K, Type)>, rest: Type) -> Type {
        Type::Object(Arc::new(ObjectType {
            props: props
                .into_iter()
                .map(|(k, v)| (k.as_ref().to_ascii_lowercase(), v))
                .collect(),
            rest: Some(rest),
        }))
    }

    pub fn array_of(elem: Type) -> Type {
        Type::Array(Arc::new(ArrayType { elem, filtered: false }))
    }

    pub(crate) fn filtered_array_of(elem: Type) -> Type {
        Type::Array(Arc::new(ArrayType { elem, filtered: true }))
    }

    pub fn is_any(&self) -> bool {
        matches!(self, Type::Any)
    }

    /// The type of `self.name` (case-insensitive) when `self` is an object; `None` when it is
    /// not an object, or is closed and has no such property.
    pub fn property(&self, name: &str) -> Option<Type> {
        match self {
            Type::Object(obj) => obj.get(name),
            _ => None,
        }
    }

    /// Whether a value of type `value` may be passed where `self` is expected. Strings accept
    /// numbers (they are converted); `any` accepts and is accepted by everything.
    pub fn accepts(&self, value: &Type) -> bool {
        match (self, value) {
            (Type::Any, _) | (_, Type::Any) => true,
            (Type::Null, Type::Null) | (Type::Bool, Type::Bool) | (Type::Number, Type::Number) => true,
            (Type::String, Type::String | Type::Number) => true,
            (Type::Array(want), Type::Array(got)) => want.elem.accepts(&got.elem),
            (Type::Object(want), Type::Object(got)) => {
                // Closed objects must agree on shared properties; extra properties only matter
                // when the expected object is closed and has nothing for them.
                got.props.iter().all(|(k, v)| match want.get(k) {
                    Some(w) => w.accepts(v),
                    None => want.rest.is_some(),
                }) && match (&want.rest, &got.rest) {
                    (Some(w), Some(g)) => w.accepts(g),
                    _ => true,
                }
            }
            _ => false,
        }
    }

    /// The type of a value that is either `self` or `other` (e.g. `a || b`, array elements).
    pub fn merge(&self, other: &Type) -> Type {
        match (self, other) {
            (Type::Any, _) | (_, Type::Any) => Type::Any,
            (Type::Null, t) | (t, Type::Null) => t.clone(),
            (Type::Bool, Type::Bool) => Type::Bool,
            (Type::Number, Type::Number) => Type::Number,
            (Type::String, Type::String | Type::Number | Type::Bool) | (Type::Number | Type::Bool, Type::String) => {
                Type::String
            }
            (Type::Array(a), Type::Array(b)) => Type::array_of(a.elem.merge(&b.elem)),
            (Type::Object(a), Type::Object(b)) => {
                if a == b {
                    return self.clone();
                }
                let mut props = a.props.clone();
                for (k, v) in &b.props {
                    let merged = match props.get(k) {
                        Some(existing) => existing.merge(v),
                        None => v.clone(),
                    };
                    props.insert(k.clone(), merged);
                }
                let rest = match (&a.rest, &b.rest) {
                    (Some(x), Some(y)) => Some(x.merge(y)),
                    (Some(x), None) | (None, Some(x)) => Some(x.clone()),
                    (None, None) => None,
                };
                Type::Object(Arc::new(ObjectType { props, rest }))
            }
            _ => Type::Any,
        }
    }

    /// Objects, arrays and null print as `[object Object]`, `Array` or an empty string when
    /// expanded in `${{ }}` templates, which is almost never intended.
    pub fn is_template_safe(&self) -> bool {
        !matches!(self, Type::Null | Type::Object(_) | Type::Array(_))
    }
}

impl ObjectType {
    /// The type of a property, looked up case-insensitively; `None` when closed and missing.
    pub fn get(&self, name: &str) -> Option<Type> {
        let found = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            self.props.get(&name.to_ascii_lowercase())
        } else {
            self.props.get(name)
        };
        found.cloned().or_else(|| self.rest.clone())
    }

    pub fn is_closed(&self) -> bool {
        self.rest.is_none()
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Any => f.write_str("any"),
            Type::Null => f.write_str("null"),
            Type::Bool => f.write_str("bool"),
            Type::Number => f.write_str("number"),
            Type::String => f.write_str("string"),
            Type::Array(a) => write!(f, "array<{}>", a.elem),
            Type::Object(o) => match &o.rest {
                Some(Type::Any) => f.write_str("object"),
                Some(rest) => write!(f, "{{string => {rest}}}"),
                None => {
                    f.write_str("{")?;
                    for (i, (k, v)) in o.props.iter().enumerate() {
                        if i > 0 {
                            f.write_str("; ")?;
                        }
                        write!(f, "{k}: {v}")?;
                    }
                    f.write_str("}")
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_like_actionlint() {
        assert_eq!(
            Type::object([("b", Type::Bool), ("A", Type::array_of(Type::Bool))]).to_string(),
            "{a: array<bool>; b: bool}"
        );
        assert_eq!(Type::map_of(Type::String).to_string(), "{string => string}");
        assert_eq!(Type::any_object().to_string(), "object");
        assert_eq!(Type::object::<&str>([]).to_string(), "{}");
        assert_eq!(Type::array_of(Type::object::<&str>([])).to_string(), "array<{}>");
    }

    #[test]
    fn property_lookup_is_case_insensitive() {
        let t = Type::object([("os", Type::String)]);
        assert_eq!(t.property("OS"), Some(Type::String));
        assert_eq!(t.property("arch"), None);
        assert_eq!(Type::map_of(Type::Number).property("x"), Some(Type::Number));
        assert_eq!(
            Type::open_object([("a", Type::Bool)], Type::Any).property("A"),
            Some(Type::Bool)
        );
    }

    #[test]
    fn accepts() {
        assert!(Type::String.accepts(&Type::Number));
        assert!(!Type::Number.accepts(&Type::String));
        assert!(!Type::String.accepts(&Type::Bool));
        assert!(Type::array_of(Type::Any).accepts(&Type::array_of(Type::Bool)));
        assert!(!Type::array_of(Type::Any).accepts(&Type::object([("a", Type::Bool)])));
        assert!(!Type::String.accepts(&Type::object([("a", Type::Bool)])));
        assert!(Type::Bool.accepts(&Type::Any));
        assert!(Type::any_object().accepts(&Type::object([("a", Type::Bool)])));
        assert!(!Type::object([("a", Type::Bool)]).accepts(&Type::object([("b", Type::Bool)])));
    }

    #[test]
    fn merge() {
        assert_eq!(Type::String.merge(&Type::Number), Type::String);
        assert_eq!(Type::Number.merge(&Type::Number), Type::Number);
        assert_eq!(Type::Null.merge(&Type::Bool), Type::Bool);
        assert_eq!(Type::Bool.merge(&Type::Number), Type::Any);
        let a = Type::object([("x", Type::Number)]);
        let b = Type::object([("y", Type::String)]);
        assert_eq!(a.merge(&b).to_string(), "{x: number; y: string}");
        assert_eq!(
            Type::array_of(Type::String)
                .merge(&Type::array_of(Type::Number))
                .to_string(),
            "array<string>"
        );
    }

    #[test]
    fn template_safety() {
        assert!(Type::String.is_template_safe());
        assert!(Type::Any.is_template_safe());
        assert!(!Type::Null.is_template_safe());
        assert!(!Type::any_object().is_template_safe());
        assert!(!Type::array_of(Type::Any).is_template_safe());
    }
}
