//! Staff authentication. Only staff have accounts; tipsters and families never do.

pub mod password;
