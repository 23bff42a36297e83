//! A counting global allocator for the allocation tests (`main.rs` beside
//! it) and `benches/worst_case.rs`. Each crate that uses it mounts this
//! file and installs the allocator:
//!
//! ```ignore
//! mod counting_alloc;
//! #[global_allocator]
//! static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;
//! ```
//!
//! The counters are per thread, so tests running in parallel in one binary
//! do not disturb each other. Besides the number of allocations it tracks
//! the bytes in use and their peak, for `benches/worst_case.rs` (memory
//! freed on another thread than the one that allocated it is not tracked
//! exactly; none of the measured calls does that).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Forwards to the system allocator and counts allocations on this thread.
pub struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    /// Bytes allocated and not yet freed by this thread (wraps below zero
    /// when it frees what another thread allocated).
    static IN_USE: Cell<usize> = const { Cell::new(0) };
    /// The highest `IN_USE` since the last [`peak_extra_bytes`] began.
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grew(by: usize) {
    let _ = IN_USE.try_with(|n| {
        let now = n.get().wrapping_add(by);
        n.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrank(by: usize) {
    let _ = IN_USE.try_with(|n| n.set(n.get().wrapping_sub(by)));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// only addition is a thread-local counter (const-initialised, no destructor,
// so touching it never allocates).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        shrank(layout.size());
        grew(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` and returns its result and how many allocations this thread
/// made in it.
#[allow(dead_code)] // the tests use one of the two functions, the bench the other
pub fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = std::hint::black_box(f());
    (out, ALLOCATIONS.with(Cell::get) - before)
}

/// Runs `f` and returns its result and the most bytes this thread had
/// allocated at once during it, beyond what it held before. The result is
/// dropped inside the measurement (so what it owns counts, as it would for
/// a caller that used it).
#[allow(dead_code)] // the tests use one of the two functions, the bench the other
pub fn peak_extra_bytes<T>(f: impl FnOnce() -> T) -> usize {
    let before = IN_USE.with(Cell::get);
    PEAK.with(|p| p.set(before));
    drop(std::hint::black_box(f()));
    PEAK.with(Cell::get).wrapping_sub(before)
}
