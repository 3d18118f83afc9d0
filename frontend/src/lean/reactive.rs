//! The lean pages' reactivity: values that say when they change ([`Var`]), effects that re-run
//! when a value they read changes ([`effect`]), derived values ([`memo`]) and ownership, so that
//! what a page or a list row made (its values, effects and listeners) is released with it.
//!
//! Why not Leptos' `reactive_graph`: each signal type there brings its own copy of the graph's
//! generic code, and the tip pages use twenty of them. Here the graph is non-generic and a `Var`
//! of a new type costs a downcast and a `RefCell`. Effects run at once when made and again,
//! synchronously, after each change of what they read; a change made while effects run is
//! queued and handled in the same flush.

use std::{
    any::Any,
    cell::{Cell, RefCell},
    collections::HashMap,
    marker::PhantomData,
    rc::{Rc, Weak},
};

type Cleanup = Box<dyn FnOnce()>;

/// What an effect or a page owns: released in reverse order when the owner re-runs or goes.
#[derive(Default)]
struct Scope {
    cleanups: RefCell<Vec<Cleanup>>,
}

impl Scope {
    fn dispose(&self) {
        let cleanups = std::mem::take(&mut *self.cleanups.borrow_mut());
        for cleanup in cleanups.into_iter().rev() {
            cleanup();
        }
    }
}

/// A value's list of the effects that read it.
#[derive(Default)]
struct Source {
    observers: RefCell<Vec<Weak<Node>>>,
}

/// An effect.
struct Node {
    run: RefCell<Option<Box<dyn FnMut()>>>,
    children: Rc<Scope>,
    sources: RefCell<Vec<Rc<Source>>>,
    alive: Cell<bool>,
}

struct Slot {
    value: Rc<dyn Any>,
    source: Rc<Source>,
}

thread_local! {
    static SLOTS: RefCell<HashMap<u32, Slot>> = RefCell::default();
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static OBSERVER: RefCell<Option<Rc<Node>>> = const { RefCell::new(None) };
    static OWNER: RefCell<Option<Rc<Scope>>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Vec<Rc<Node>>> = const { RefCell::new(Vec::new()) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

/// Hands `cleanup` to the current owner (the effect or list row being built), which runs it when
/// it re-runs or goes; gives it back at the root, which never goes.
fn push_cleanup(cleanup: Cleanup) -> Option<Cleanup> {
    OWNER.with(|owner| match &*owner.borrow() {
        Some(scope) => {
            scope.cleanups.borrow_mut().push(cleanup);
            None
        }
        None => Some(cleanup),
    })
}

/// Runs `cleanup` when the current owner re-runs or goes (never, at the root).
pub fn on_cleanup(cleanup: impl FnOnce() + 'static) {
    let _ = push_cleanup(Box::new(cleanup));
}

/// Keeps `value` (a listener's closure) alive as long as the current owner; at the root, as long
/// as the page.
pub fn own<T: 'static>(value: T) {
    if let Some(unowned) = push_cleanup(Box::new(move || drop(value))) {
        std::mem::forget(unowned);
    }
}

/// Runs `make` outside any owner: what it makes lives as long as the page (the language, the
/// layout).
pub fn at_root<R>(make: impl FnOnce() -> R) -> R {
    let previous = OWNER.with(|owner| owner.replace(None));
    let made = make();
    OWNER.with(|owner| *owner.borrow_mut() = previous);
    made
}

/// Runs `read` without subscribing the running effect to what it reads.
pub fn untrack<R>(read: impl FnOnce() -> R) -> R {
    let previous = OBSERVER.with(|observer| observer.replace(None));
    let result = read();
    OBSERVER.with(|observer| *observer.borrow_mut() = previous);
    result
}

fn track(source: &Rc<Source>) {
    OBSERVER.with(|observer| {
        if let Some(node) = &*observer.borrow() {
            let mut sources = node.sources.borrow_mut();
            if !sources.iter().any(|known| Rc::ptr_eq(known, source)) {
                sources.push(source.clone());
                source.observers.borrow_mut().push(Rc::downgrade(node));
            }
        }
    });
}

fn notify(source: &Source) {
    let observers: Vec<Rc<Node>> = source
        .observers
        .borrow()
        .iter()
        .filter_map(Weak::upgrade)
        .collect();
    if observers.is_empty() {
        return;
    }
    QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        for node in observers {
            if !queue.iter().any(|queued| Rc::ptr_eq(queued, &node)) {
                queue.push(node);
            }
        }
    });
    if FLUSHING.with(|flushing| flushing.replace(true)) {
        return;
    }
    loop {
        let next = QUEUE.with(|queue| {
            let mut queue = queue.borrow_mut();
            (!queue.is_empty()).then(|| queue.remove(0))
        });
        match next {
            Some(node) => run(&node),
            None => break,
        }
    }
    FLUSHING.with(|flushing| flushing.set(false));
}

fn unsubscribe(node: &Rc<Node>) {
    for source in node.sources.take() {
        source
            .observers
            .borrow_mut()
            .retain(|observer| observer.as_ptr() != Rc::as_ptr(node));
    }
}

fn run(node: &Rc<Node>) {
    if !node.alive.get() {
        return;
    }
    // Each run subscribes anew to what it reads, and remakes what the last run made.
    unsubscribe(node);
    node.children.dispose();
    let Some(mut body) = node.run.borrow_mut().take() else {
        return;
    };
    let observer = OBSERVER.with(|observer| observer.replace(Some(node.clone())));
    let owner = OWNER.with(|owner| owner.replace(Some(node.children.clone())));
    body();
    OBSERVER.with(|slot| *slot.borrow_mut() = observer);
    OWNER.with(|slot| *slot.borrow_mut() = owner);
    if node.alive.get() {
        *node.run.borrow_mut() = Some(body);
    }
}

fn dispose(node: &Rc<Node>) {
    node.alive.set(false);
    node.run.borrow_mut().take();
    unsubscribe(node);
    node.children.dispose();
}

/// Runs `body` now, and again whenever a [`Var`] it read changes. It is released with its
/// owner; whatever it makes while running is released before it runs again.
pub fn effect(body: impl FnMut() + 'static) {
    let node = Rc::new(Node {
        run: RefCell::new(Some(Box::new(body))),
        children: Rc::default(),
        sources: RefCell::default(),
        alive: Cell::new(true),
    });
    let owned = node.clone();
    // At the root nothing else holds the effect: the values it reads hold it weakly.
    own(Disposer(owned));
    run(&node);
}

/// Releases an effect when its owner goes.
struct Disposer(Rc<Node>);

impl Drop for Disposer {
    fn drop(&mut self) {
        dispose(&self.0);
    }
}

/// A value computed from others, kept current, whose readers re-run only when it changes.
pub fn memo<T: Clone + PartialEq + 'static>(compute: impl Fn() -> T + 'static) -> Var<T> {
    let value = Var::new(untrack(&compute));
    effect(move || {
        let next = compute();
        if value.try_with_untracked(|current| *current != next) == Some(true) {
            value.set(next);
        }
    });
    value
}

/// A value the page reads and changes. `Copy`: closures take it freely. It is released with its
/// owner; after that, reads through `try_` give `None` and changes are ignored.
pub struct Var<T> {
    id: u32,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Var<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Var<T> {}

fn slot(id: u32) -> Option<(Rc<dyn Any>, Rc<Source>)> {
    SLOTS.with(|slots| {
        slots
            .borrow()
            .get(&id)
            .map(|slot| (slot.value.clone(), slot.source.clone()))
    })
}

fn released() -> ! {
    wasm_bindgen::throw_str("a page value was used after its page closed")
}

impl<T: 'static> Var<T> {
    pub fn new(value: T) -> Var<T> {
        let id = NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id.wrapping_add(1));
            id
        });
        let value: Rc<dyn Any> = Rc::new(RefCell::new(value));
        SLOTS.with(|slots| {
            slots.borrow_mut().insert(
                id,
                Slot {
                    value,
                    source: Rc::default(),
                },
            )
        });
        on_cleanup(move || {
            SLOTS.with(|slots| slots.borrow_mut().remove(&id));
        });
        Var {
            id,
            ty: PhantomData,
        }
    }

    fn cell(self) -> Option<(Rc<RefCell<T>>, Rc<Source>)> {
        let (value, source) = slot(self.id)?;
        Some((value.downcast::<RefCell<T>>().ok()?, source))
    }

    pub fn try_with<R>(self, read: impl FnOnce(&T) -> R) -> Option<R> {
        let (cell, source) = self.cell()?;
        track(&source);
        let result = read(&cell.borrow());
        Some(result)
    }

    pub fn try_with_untracked<R>(self, read: impl FnOnce(&T) -> R) -> Option<R> {
        let (cell, _) = self.cell()?;
        let result = read(&cell.borrow());
        Some(result)
    }

    /// Reads the value, subscribing the running effect.
    pub fn with<R>(self, read: impl FnOnce(&T) -> R) -> R {
        self.try_with(read).unwrap_or_else(|| released())
    }

    pub fn with_untracked<R>(self, read: impl FnOnce(&T) -> R) -> R {
        self.try_with_untracked(read).unwrap_or_else(|| released())
    }

    /// Changes the value in place and re-runs its readers; `None` once released.
    pub fn try_update<R>(self, change: impl FnOnce(&mut T) -> R) -> Option<R> {
        let (cell, source) = self.cell()?;
        let result = change(&mut cell.borrow_mut());
        notify(&source);
        Some(result)
    }

    pub fn update(self, change: impl FnOnce(&mut T)) {
        let _ = self.try_update(change);
    }

    /// Sets the value; gives it back if the value was already released.
    pub fn try_set(self, value: T) -> Option<T> {
        let mut value = Some(value);
        let _ = self.try_update(|current| {
            if let Some(value) = value.take() {
                *current = value;
            }
        });
        value
    }

    pub fn set(self, value: T) {
        let _ = self.try_set(value);
    }
}

impl<T: Clone + 'static> Var<T> {
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }

    pub fn try_get_untracked(self) -> Option<T> {
        self.try_with_untracked(T::clone)
    }
}
