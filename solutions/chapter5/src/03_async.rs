//! Exercise 5.3: the scraper on tokio, parsing off the event loop.
//! Book: src/ch05/03-async.md

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;

use crate::fetch_and_parse::{Page, ScrapeError, Scraped, parse_page, scrape_error};

pub use crate::provided::r#async::{async_client, one_thread_runtime};

// ANCHOR: solution
/// Fetches `url` with the async client; parses the body on a blocking thread, so that parsing
/// never stops the event loop (exercise 4.6).
pub async fn fetch_and_parse_async(client: &Client, url: &str) -> Result<Page, ScrapeError> {
    let response = client
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| scrape_error(&error))?;
    let body = response
        .bytes()
        .await
        .map_err(|error| scrape_error(&error))?;
    tokio::task::spawn_blocking(move || parse_page(&body))
        .await
        .map_err(|error| ScrapeError::Failed(format!("the parser panicked: {error}")))
}

/// Every URL at once, at most `limit` in flight; one result per URL, in input order. The
/// timeout is the client's (`async_client(timeout)`, provided), so it is not repeated here.
pub async fn scrape_async(client: Client, urls: &[String], limit: usize) -> Vec<Scraped> {
    let permits = Arc::new(Semaphore::new(limit.max(1)));
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, permits, url) = (client.clone(), Arc::clone(&permits), url.clone());
            tokio::spawn(async move {
                let _permit = permits.acquire_owned().await.expect("never closed");
                let page = fetch_and_parse_async(&client, &url).await;
                Scraped { url, page }
            })
        })
        .collect();
    let mut scraped = Vec::with_capacity(tasks.len());
    for (task, url) in tasks.into_iter().zip(urls) {
        // A task that panicked still leaves its URL in the output, as a failure.
        scraped.push(task.await.unwrap_or_else(|error| Scraped {
            url: url.clone(),
            page: Err(ScrapeError::Failed(format!("the task failed: {error}"))),
        }));
    }
    scraped
}
// ANCHOR_END: solution
