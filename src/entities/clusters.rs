//! Clusters: which mentions name the same real-world entity.
//!
//! Mentions are taken in text order. A mention joins an earlier cluster of a compatible label when
//! * both resolve to the same country in the lexicon ("US", "U.S.", "United States", "America"),
//! * its text equals the cluster's name or another mention of it, or
//! * it is a single word that ends (a surname) or starts a person's name already seen
//!   ("Trump" after "Donald Trump"); it then takes that cluster's label, so a bare surname is a
//!   person even where its own context said nothing.
//!
//! The canonical name of a cluster is its longest mention. Pattern entities (dates, numbers) each
//! get a cluster of their own, merged only when the text is identical.

use std::collections::HashMap;

use super::Mention;
use crate::annotation::{Cluster, Entity, Label};
use crate::lexicon::Lexicon;

/// Turns mentions (in text order) into entities with cluster ids, and the clusters.
pub fn cluster_mentions(
    text: &str,
    mentions: Vec<Mention>,
    lexicon: &Lexicon,
) -> (Vec<Entity>, Vec<Cluster>) {
    let mut entities: Vec<Entity> = Vec::with_capacity(mentions.len());
    let mut clusters: Vec<Cluster> = Vec::new();
    // lookup keys → cluster id
    let mut by_key: HashMap<(Label, String), usize> = HashMap::new();
    let mut by_word: HashMap<String, usize> = HashMap::new();
    for m in mentions {
        let surface = m.span.slice(text).to_string();
        let key_text = lexicon
            .countries
            .get(surface.as_str())
            .map(|c| c.to_string())
            .unwrap_or_else(|| surface.clone());
        let mut label = m.label;
        let mut found = by_key.get(&(label, key_text.clone())).copied();
        if found.is_none() && label.is_name() && !surface.contains(' ') {
            if let Some(&c) = by_word.get(&surface) {
                let cl = clusters[c].label;
                if cl == Label::Person || cl == label {
                    label = cl;
                    found = Some(c);
                }
            }
        }
        let id = entities.len();
        let cluster = match found {
            Some(c) => {
                clusters[c].mentions.push(id);
                if surface.len() > clusters[c].canonical.len()
                    && !lexicon.countries.contains_key(surface.as_str())
                {
                    clusters[c].canonical = surface.clone();
                }
                c
            }
            None => {
                let c = clusters.len();
                let canonical = if label == Label::Place {
                    key_text.clone()
                } else {
                    surface.clone()
                };
                clusters.push(Cluster {
                    id: c,
                    canonical,
                    label,
                    mentions: vec![id],
                });
                c
            }
        };
        by_key.insert((label, key_text), cluster);
        if label == Label::Person {
            let words: Vec<&str> = surface.split(' ').collect();
            if words.len() > 1 {
                for w in [words[0], words[words.len() - 1]] {
                    by_word.entry(w.to_string()).or_insert(cluster);
                }
            }
        }
        entities.push(Entity {
            id,
            span: m.span,
            label,
            text: surface,
            cluster,
            role: m.role,
            value: m.value,
        });
    }
    (entities, clusters)
}
