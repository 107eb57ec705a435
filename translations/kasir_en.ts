<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>kasir::ActivityService</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefers WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cleared (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a customer&apos;s activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved without changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level changed %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type changed %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sale %1: %n item(s), %2</source>
        <translation>
            <numerusform>Sale %1: %n item, %2</numerusform>
            <numerusform>Sale %1: %n items, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Walk-in sale %1 counted for this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points (%2), balance %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit %1 (%2), balance %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit set to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best time to contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyalty messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1 taken off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact added: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact removed: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an entity and what was done to it, e.g. gift card: create</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data erased; now %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted with their personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>what was done and why</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in sale %1, which noted their number, erased with them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::AnalyticsService</name>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see the company&apos;s customer figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after is not a cursor from a previous page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::BulkService</name>
    <message>
        <source>change customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change a customer&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change customers in bulk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bulk change makes its own units of work; it cannot run inside another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the customers or filter them, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a wholesale customer; membership would replace their wholesale terms, so set their type instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ChangeApplier</name>
    <message>
        <source>sync op %1 (%2 %3) cannot be applied: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field %1 has a wrong value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key must be %1 parts joined by &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown entity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field %1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is append-only and cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale is append-only and cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CheckoutService</name>
    <message>
        <source>this computer is not set up as a terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store of this terminal does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a phone number or at least its last 4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no sale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the company of %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a phone number that can be called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale needs at least one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale has at most %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>makes the line too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sale is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sale has at most %1 payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 0 and at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a registered customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay %1 more: the total is %2, %3 is paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 too much is paid by other means than cash: the total is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points cannot pay: they have no value in the membership rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an amount paid with points must be a multiple of %1, the value of one point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points are needed, %2 has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allow store credit past the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is itself a refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already refunded by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refund %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no phone number to find walk-in sales by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an unlinked walk-in sale with the phone of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>walk-in sales linked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CompanyService</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must be letters A to Z, digits and dashes, starting with a letter or a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this company is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename the company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already the code of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename stores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ContactRepository</name>
    <message>
        <source>contact %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ContactService</name>
    <message>
        <source>%1 is already a %2 contact of this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change customers&apos; contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a contact id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contact %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CounterView</name>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number or its last 4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a phone number in any form, or its last 4 digits (F4).
Up and Down choose a match, Enter puts it on the sale, Esc clears.
F2 registers a new customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up and Down choose, Enter or a double click puts the customer on the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked customer: may not pay with store credit. Check with a manager before selling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the customer&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the customer&apos;s details (or double click the card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove from sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the customer from the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell without a customer (Shift+F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the earlier walk-in sales for this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and add to sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the customer and add them to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and add to the sale (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type an item code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type an item code, Enter adds it (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the item to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the item to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the item to the sale (Enter in the item code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Qty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items yet.
Scan or type an item code above (F6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items on the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ and - change the quantity, Delete removes the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Points to redeem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the rest is paid (F9 goes to the amount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash handed over; empty for the exact amount. Enter completes the sale (F9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;yment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale  (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the sale: F12 or Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print / Save PDF receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the last sale&apos;s receipt or save it as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the last sale&apos;s receipt, or save it as a PDF file (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the sale and start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take off the customer, the items and the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove customer from sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least 4 digits of the phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has this number. F2 registers a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (blocked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in sale: no customer.
Type a phone number to find one, or press F2 to register a new customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter puts this customer on the sale instead of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter puts this customer on the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double click to open the customer&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, no membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (worth %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a field&apos;s name, then what is wrong with it</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier walk-in sale(s) noted this phone (%1).</source>
        <translation>
            <numerusform>%n earlier walk-in sale noted this phone (%1).</numerusform>
            <numerusform>%n earlier walk-in sales noted this phone (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in sale(s) now count for %1.</source>
        <translation>
            <numerusform>%n walk-in sale now counts for %1.</numerusform>
            <numerusform>%n walk-in sales now count for %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no item with the code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Points to redeem (up to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to pay with: up to %1 of %2, one point pays %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points need a customer on the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount tendered is not an amount of money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale %1 completed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 earned %n point(s).</source>
        <translation>
            <numerusform>%1 earned %n point.</numerusform>
            <numerusform>%1 earned %n points.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problem with the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CreditLimit</name>
    <message>
        <source>would take the balance to %1, past the credit limit of %2 debt; a manager can allow it with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer is blocked and cannot spend store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the balance to %1, but no debt is allowed; a manager can allow it with a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerDetailView</name>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale on account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points &amp;&amp; &amp;credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;tacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acti&amp;vity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the customer list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Customer Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON documents (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the customer list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything stored about the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything stored about this customer as a JSON document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonym&amp;ise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymise the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase this customer&apos;s personal data and keep their sales and ledgers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a customer who has no sales or ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0812-3456-7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vince:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posta&amp;l code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of saving the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the profile to what is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the customer was registered and last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the next person serving this customer know?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of adding the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag name, new or existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;g:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last tag change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags are put on and taken off by managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number or email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label: office, daughter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of the last contact change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred &amp;payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best time to contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best &amp;time to contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May receive &amp;offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May receive &amp;loyalty messages (points, level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Do not contact at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overrides the consents above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result of saving the preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: this customer may not pay with store credit. Ask a manager before serving them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive: this customer was deactivated and is hidden from lookups at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not contact this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this customer active again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this customer from lookups; their history stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1 · last changed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>%Ln day ago</numerusform>
            <numerusform>%Ln days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>last purchase %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spending per month, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchases in the last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Balance: %Ln point(s)</source>
        <translation>
            <numerusform>Balance: %Ln point</numerusform>
            <numerusform>Balance: %Ln points</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance: %1 owed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a former user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked below their boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has the tag %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the tag to remove in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the contact to remove in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stored about %1 was saved to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymise %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This erases %1&apos;s name, contact details, address, notes and tags for good; their sales, points and store credit stay. It cannot be undone.

Why is their data erased? (Do not repeat their name or numbers.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s personal data was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This deletes %1 with their notes, contacts, tags and preferences. It cannot be undone. A customer with sales or ledger entries cannot be deleted: deactivate or anonymise them.

Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerEnums</name>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wholesale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerListView</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the filters chosen on the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the dashboard&apos;s filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, phone, email or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, balance, visits, spending, frequency, segment and dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the tags match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owes (debt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total s&amp;pent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last visit until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last &amp;visit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registered:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urchases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Membership:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes back:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the current filters under a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for these filters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved filters “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All filtered customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export customers to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected customers, or every filtered one when none is selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag to remove:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership o&amp;ff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an amount (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>More filters, %n set</source>
        <translation>
            <numerusform>More filters, %n set</numerusform>
            <numerusform>More filters, %n set</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose saved filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters saved as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no saved filters named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the type to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the status to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn membership on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn membership off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>all %Ln filtered customer(s)</source>
        <translation>
            <numerusform>all %Ln filtered customer</numerusform>
            <numerusform>all %Ln filtered customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected customer(s)</source>
        <translation>
            <numerusform>%Ln selected customer</numerusform>
            <numerusform>%Ln selected customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for %2?
%Ln would change</source>
        <translation>
            <numerusform>%1 for %2?
%Ln would change</numerusform>
            <numerusform>%1 for %2?
%Ln would change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already so</source>
        <translation>
            <numerusform>%Ln already so</numerusform>
            <numerusform>%Ln already so</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln would be refused</source>
        <translation>
            <numerusform>%Ln would be refused</numerusform>
            <numerusform>%Ln would be refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Changing customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 changed, %3 unchanged, %4 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %Ln not reached.</source>
        <translation>
            <numerusform>Cancelled; %Ln not reached.</numerusform>
            <numerusform>Cancelled; %Ln not reached.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First refusal: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln customer exported to %1.</numerusform>
            <numerusform>%Ln customers exported to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: the list changed while you were choosing. Choose the customers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: the list changed while you were choosing. Choose the customers again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerRepository</name>
    <message>
        <source>customer %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a cursor from this list; start again from the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given to more than one customer: %2; nothing was loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerService</name>
    <message>
        <source>company %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the phone number of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a customer id nor a customer code like C-000123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid phone number (region %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may not change a customer&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reactivate customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the load holds more customers than the %1 it announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>at most %n tags at once</source>
        <translation>
            <numerusform>at most %n tag at once</numerusform>
            <numerusform>at most %n tags at once</numerusform>
        </translation>
    </message>
    <message>
        <source>must not be less than %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be before lastVisitFrom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the end: no customer was added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerTableModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::CustomerValidator</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too short to be a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long to be a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a country code that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid phone number (region %1); write it as 0812 3456 7890 or +62 812 3456 7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid email address (example: name@example.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may contain only letters, digits, spaces and dashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a percentage from 0 to 100 with at most two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date written as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be before 1900</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::DashboardView</name>
    <message>
        <source>%1 %2</source>
        <comment>month and year</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once customers are registered and start buying, their figures appear here: how many there are, what they spend and who comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard is not available for your role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The company&apos;s customer figures are for managers and administrators. Ask one of them if you need them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the figures again (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Churned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers in debt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total debt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers per month, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per month, last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers by membership level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers by level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers by how often they buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often customers buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers per RFM segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top customers by revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top customers by purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top customers by store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently registered customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a customer to open them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 with purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 inactive, %2 blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of all customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members and VIP customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VIP customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since 1 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln bought twice or more</source>
        <translation>
            <numerusform>%Ln bought twice or more</numerusform>
            <numerusform>%Ln bought twice or more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no purchase in %Ln day(s)</source>
        <translation>
            <numerusform>no purchase in %Ln day</numerusform>
            <numerusform>no purchase in %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <source>Churned customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>net of refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers who bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spent per customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchases per customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owe the shop money</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>owed by %Ln customer(s)</source>
        <translation>
            <numerusform>owed by %Ln customer</numerusform>
            <numerusform>owed by %Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>held by %Ln customer(s)</source>
        <translation>
            <numerusform>held by %Ln customer</numerusform>
            <numerusform>held by %Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers holding store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loyalty points not yet used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers per month, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue per month, %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln new customer(s)</source>
        <translation>
            <numerusform>%1: %Ln new customer</numerusform>
            <numerusform>%1: %Ln new customers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, millions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 from %Ln sale(s)</source>
        <translation>
            <numerusform>%1: %2 from %Ln sale</numerusform>
            <numerusform>%1: %2 from %Ln sales</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refund(s)</source>
        <translation>
            <numerusform>%Ln refund</numerusform>
            <numerusform>%Ln refunds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase(s)</source>
        <translation>
            <numerusform>%Ln purchase</numerusform>
            <numerusform>%Ln purchases</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 purchases or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no purchase yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %Ln customer(s)</source>
        <translation>
            <numerusform>%1 (%2): %Ln customer</numerusform>
            <numerusform>%1 (%2): %Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln customer(s)</source>
        <translation>
            <numerusform>%1: %Ln customer</numerusform>
            <numerusform>%1: %Ln customers</numerusform>
        </translation>
    </message>
    <message>
        <source>Customers have not been ranked into segments yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ranked %1; %Ln customer(s) without a purchase are not ranked.</source>
        <translation>
            <numerusform>Ranked %1; %Ln customer without a purchase is not ranked.</numerusform>
            <numerusform>Ranked %1; %Ln customers without a purchase are not ranked.</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer has bought anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer holds store credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has been registered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank &amp;segments again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank the customers into segments again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores every customer with purchases against the others again. On a big directory this takes a while; sales wait for it meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking the customers into segments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking the customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customers were not ranked again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::Database</name>
    <message>
        <source>no database file was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the database file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database %1 was written by a newer version of Kasir (schema %2; this version knows %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot upgrade the database to schema %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already used by another record (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database could not carry out the request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database could not go back to its write-ahead log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the write-ahead log cannot be emptied during a write</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::DemoData</name>
    <message>
        <source>the company has no active administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the end: no demo customer was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add demo customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::Desktop</name>
    <message>
        <source>Kasir: customers and sales at the counter, online or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The terminal&apos;s database &lt;file&gt; (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the main window to &lt;file&gt; once it has loaded, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasir is not set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Kasir database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kasir cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 does not belong to a company yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set this terminal up with &quot;kasirctl --db %1 init --company NAME&quot;, or try Kasir with demo customers with &quot;kasirctl --db %1 demo --customers 1000&quot;, then start Kasir again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no active administrator, so nobody may open it. Restore the latest backup of the database, or ask whoever supports your Kasir installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page to open: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page: &quot;%1&quot; is not a page; the pages are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no Kasir data yet (%1).

If your shop runs a Kasir server, join it with the server&apos;s address and the enrolment code its administrator made for this terminal.

To use Kasir on its own instead, quit and run &quot;kasirctl --db %1 init --company NAME&quot;, or try it with demo customers: &quot;kasirctl --db %1 demo --customers 1000&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::HttpApi</name>
    <message>
        <source>is larger than %1 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take this method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send the terminal&apos;s device token as &quot;Authorization: Bearer TOKEN&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the id of the terminal the token belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required (text of at most 64 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an array of ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must hold at most %1 ops; send the rest in another batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the cursor a previous pull returned as next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::JoinServerDialog</name>
    <message>
        <source>Join a Kasir server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://192.168.1.10:8787</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABCDE-23456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: this terminal is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the company: %1 changes received…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this code, or it was used already or has expired. Ask the server&apos;s administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached at this address. Check the address and that this computer is on the shop&apos;s network.
(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined. Downloading the company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the address the server&apos;s administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the enrolment code made for this terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::KasirServer</name>
    <message>
        <source>Usage: kasir-server [--db FILE | --pg CONNINFO] [COMMAND]

Serve (the default command):
  serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]
      HOST:PORT defaults to 127.0.0.1:8787; port 0 picks a free one. Prints
      {&quot;listening&quot;:&quot;HOST:PORT&quot;} when ready; SIGINT/SIGTERM finish the request in
      flight and stop.

Administration (JSON lines on stdout, errors as JSON on stderr):
  company create --name NAME [--region ID] [--currency IDR]
  company list
  store create --company ID --code S02 --name NAME
  user create --company ID --username NAME --role admin|manager|cashier [--name DISPLAY]
      the password is read from KASIR_PASSWORD, or from stdin with --password-stdin
  terminal register --store ID [--name NAME] [--token]
      prints a one-time enrolment code (valid 24 hours), or a device token with --token
  terminal revoke ID
  terminal list --company ID
  apikey create --user ID
      prints a REST API key that acts as the user (shown once; only its hash is kept)
  apikey revoke ID
  rebuild
      makes the customers the REST API reads again from the sync log

Storage: --db FILE is a SQLite file (default kasir-server.db in the current folder);
--pg &quot;host=... dbname=... user=...&quot; is a PostgreSQL database.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --db or --pg, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see kasir-server --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an argument is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company takes create or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store takes create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user takes create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be admin, manager or cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminal takes register, revoke or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apikey takes create or revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be HOST:PORT with an IP address, such as 127.0.0.1:8787 or 0.0.0.0:8787</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS needs both --tls-cert and --tls-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no PEM RSA or EC key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::Kasirctl</name>
    <message>
        <source>--%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1; see kasirctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a verb; see kasirctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see kasirctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the company has no active administrator; use --user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 10000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one field to change, e.g. --email new@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer has the phone number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD) or an ISO 8601 date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: name, created, updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown user command &quot;%1&quot;; use add or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown product command &quot;%1&quot;; use add, update or list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one of --customer ID, --phone P or --walk-in [--name N] [--phone P]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write an item as SKU:QUANTITY, e.g. KOPI:2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a payment as METHOD:AMOUNT with METHOD cash, card, mobile_money, store_credit or points, e.g. cash:50000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody has the phone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one customer&apos;s phone ends in these digits; give more of them or --customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one of --add, --debit or --limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be credit, repayment, carry_over or adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown rules command &quot;%1&quot;; use show or set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one rule to change, e.g. --gold-from 5000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of the currency&apos;s minor unit (15000 for Rp 15.000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 goes only with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a balance, not --history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown customer command &quot;%1&quot;; use add, get, find, search, metrics, update, deactivate, reactivate or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) of the customers disagree with their sales and ledgers; kasirctl rebuild makes them again</source>
        <translation>
            <numerusform>%n figure of the customers disagrees with their sales and ledgers; kasirctl rebuild makes it again</numerusform>
            <numerusform>%n figures of the customers disagree with their sales and ledgers; kasirctl rebuild makes them again</numerusform>
        </translation>
    </message>
    <message>
        <source>must be one of: any, all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown note command &quot;%1&quot;; use add, list or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown tag command &quot;%1&quot;; use add, remove, popular, list or of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one field to change: --label or --primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown contact command &quot;%1&quot;; use add, list, update or remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of the currency&apos;s smallest unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only goes with --json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers          %1 (active %2, inactive %3, blocked %4)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By type            walk-in %1, member %2, vip %3, wholesale %4
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By level           %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New this month     %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue            %1 (average per customer %2, highest %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases          %1 per customer; %2 customers bought, %3 came back (%4 %)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency          %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Churned            %1 (no purchase in %n day(s))
</source>
        <translation>
            <numerusform>Churned            %1 (no purchase in %n day)
</numerusform>
            <numerusform>Churned            %1 (no purchase in %n days)
</numerusform>
        </translation>
    </message>
    <message>
        <source>Debt               %1 owed by %2 customers
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit       %1 held by %2 customers
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points             %1 outstanding
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not apply to bulk, which changes every customer the filters select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is given more than once; one value at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name one action: --set-type, --set-status, --add-tag, --remove-tag or --membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name at least one customer by id or code, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) could not be changed; the summary says why</source>
        <translation>
            <numerusform>%n customer could not be changed; the summary says why</numerusform>
            <numerusform>%n customers could not be changed; the summary says why</numerusform>
        </translation>
    </message>
    <message>
        <source>privacy needs a verb: export, anonymise or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymising %1 (%2) erases their personal data for good; run again with --yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown privacy command &quot;%1&quot;; use export, anonymise or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot go with --%1: one action at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot go with --%1: name the customers or filter them, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: kasirctl [--db FILE] [--user NAME [--password-stdin]] COMMAND [options]
       kasirctl --help | --version

Commands:
  init --company NAME [--region ID] [--currency IDR] [--store NAME] [--terminal NAME]
       [--admin-user admin] [--admin-password PW]   set up this database as a terminal
  customer add --name NAME [--phone P] [field options]   register a customer
  customer get ID|CODE                                   show one customer
  customer find PHONE                                    find by phone, any written form
  customer search [--q TEXT] [--type T] [--status S] [--level L]
       [--created-from DATE] [--created-to DATE] [--sort name|created|updated] [--desc]
       [--tag NAME ...] [--tags-match any|all]           customers with any (or all) of the tags
       [--balance credit|debt|zero] [--credit-min N] [--credit-max N]   store credit (debt &lt; 0)
       [--member true|false]                             membership active (member or vip)
       [--last-visit-from DATE] [--last-visit-to DATE]   last purchase, UTC days, inclusive
       [--spent-min N] [--spent-max N]                   total spent; amounts in the smallest unit
       [--frequency none|one_time|occasional|regular|frequent ...]   any of these
       [--has-sales true|false]
       [--segment NAME[,NAME...]]                        RFM segment, any of: champions, loyal,
                                                         potential, new, at_risk, hibernating,
                                                         lost, none (not ranked)
       [--limit N] [--after CURSOR] [--page-info]        one customer per line
  customer update ID|CODE [field options]                change fields (&quot;&quot; clears)
  customer deactivate|reactivate|delete ID|CODE
  customer metrics ID|CODE                               purchases, spending, frequency, balances,
                                                         monthly spending and top products
  note add ID|CODE --kind K --text T                     K: personal, preference, issue, feedback
  note list ID|CODE [--limit N] [--before NOTE]          newest first; a last line {&quot;next&quot;} when
                                                         more follow (pass it as --before)
  note delete NOTE                                       by its author, a manager or an admin
  tag add ID|CODE NAME [--color #rrggbb]                 tag a customer (a new tag: managers only)
  tag remove ID|CODE NAME                                take the tag off
  tag popular [--limit N]                                tags with their customer counts
  tag list | tag of ID|CODE                              every tag, or one customer&apos;s
  contact add ID|CODE --kind whatsapp|email|phone --value V [--label L] [--primary]
                                                         another contact; the first of a kind is
                                                         the primary one, --primary moves the mark
  contact list ID|CODE                                   the customer&apos;s contacts, primary first
  contact update CONTACT_ID [--label L] [--primary]      relabel, or make it the primary one
  contact remove CONTACT_ID
  prefs ID|CODE                                          preferences, consent, favourite products
  prefs ID|CODE [--preferred-payment cash|card|mobile_money|store_credit]
       [--best-contact-time morning|afternoon|evening|anytime] [--offers true|false]
       [--loyalty true|false] [--do-not-contact true|false]   change them (&quot;&quot; clears a choice)
  privacy export ID|CODE [--out FILE]                    everything stored about the customer as one
                                                         JSON document (managers; recorded)
  privacy anonymise ID|CODE --reason R --yes             erase their personal data, keep sales,
                                                         ledgers and figures (admins; for good)
  privacy delete ID|CODE [--reason R]                    delete a customer without sales or ledger
                                                         entries, with their personal data (admins)
  bulk [search filters | --ids ID,CODE,...]              one change to every customer selected by
       --set-type T | --set-status S | --add-tag NAME    customer search&apos;s filters, or named;
       | --remove-tag NAME | --membership on|off         exactly one action, each change audited;
       [--dry-run] [--progress]                          prints a summary; --dry-run only counts
                                                         (managers and admins)
  segment ID|CODE                                        RFM scores (recency, frequency, monetary,
                                                         1-5 by quintile) and segment of a customer
  segment recompute                                      rank every customer again (managers): the
                                                         customers per segment and the time taken
  segment counts                                         customers per segment (none: not ranked)
  user add --username U --role admin|manager|cashier [--display-name N]
       (the new password from $KASIR_NEW_PASSWORD, else on stdin)
  user list
  product add --sku SKU --name NAME --price AMOUNT         add to the catalogue
  product update SKU [--name N] [--price AMOUNT] [--active true|false]
  product list [--all]                                    one product per line
  sale --customer ID|CODE | --phone P | --walk-in [--name N] [--phone P]
       --item SKU:QTY [--item ...] --pay METHOD:AMOUNT [--pay ...] [--override REASON]
                                                         complete a sale; METHOD is cash, card,
                                                         mobile_money, store_credit or points
  refund ORDER --reason R                                refund a whole sale
  points ID|CODE [--history] [--adjust N --reason R]     points balance, entries, adjustment
  points expire [--as-of DATE]                           take away every customer&apos;s points older than
                                                         the rules&apos; --points-expire-days (0: never)
  credit ID|CODE [--add N [--kind K] | --debit N [--override R]] --reason R [--reference X]
  credit ID|CODE --limit N                               the most debt allowed (0: none)
  credit history ID|CODE                                 store-credit entries with balances
  activity ID|CODE [--limit N] [--before ID]             who changed what about a customer, newest
                                                         first (managers)
  walk-ins PHONE                                         anonymous sales that noted this phone
  link ID|CODE [--order ORDER ...]                       count those walk-in sales (all, or the
                                                         orders named) towards the customer
  rebuild                                                make every customer&apos;s figures again
                                                         from sales and ledgers
  check [--limit N]                                      compare the figures with the facts
                                                         (exit 1 and one line per difference)
  stats [--churn-days N] [--json [--limit N]]            the dashboard: customers, revenue, debt,
                                                         frequencies, churn (N days, 90); --json
                                                         adds top, recent customers and 12 months
  top [--by revenue|sales|balance] [--limit N]           the best customers by that figure
  repeat [--min N] [--limit N] [--after CURSOR]          customers with N purchases or more (2),
                                                         most first; a last line {&quot;next&quot;} when
                                                         more follow (pass it as --after)
  rules show | rules set [--silver-from N] [--gold-discount BP] [--tiers-can-drop true|false]
       [--points-expire-days DAYS] ...                   new thresholds place every customer again
  demo --customers N [--seed S] [--progress]             add realistic demo customers (one write:
                                                         all or none; --progress reports on stderr;
                                                         an empty file first gets a demo company with
                                                         the logins admin, manager and kasir)
  sync enrol --server URL --code CODE                    make this empty database a terminal of the
                                                         server&apos;s company, and download it
  sync --once                                            push the changes made here, pull the
                                                         others&apos;; prints what moved
  sync [--interval SECONDS]                              keep syncing: after each change, every
                                                         SECONDS (60), and retrying with backoff
  sync status                                            server, pending changes, last sync

Field options: --name --phone --whatsapp --email --address --city --province --postal-code
  --type walk-in|member|vip|wholesale --status active|inactive|blocked
  --level Bronze|Silver|Gold|Platinum --discount-override PERCENT --birth-date YYYY-MM-DD
  --gender male|female|other --notes TEXT
  --prefer-sms --prefer-email --prefer-call --prefer-whatsapp --do-not-contact true|false

The database is --db, else $KASIR_DB, else the per-user data folder.
The password of --user is read from stdin with --password-stdin, else from $KASIR_PASSWORD.
Output is JSON; errors go to stderr as {&quot;error&quot;, &quot;code&quot;, &quot;field&quot;}.
Amounts are whole numbers of the currency&apos;s minor unit (15000 for Rp 15.000).
Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 conflict, 5 permission denied.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sync takes enrol, status, or nothing (a sync cycle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of seconds from 1 to 86400</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::LedgerRepository</name>
    <message>
        <source>would take the points balance past the largest number that can be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the store-credit balance past the largest number that can be stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::LedgerService</name>
    <message>
        <source>must be more than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjust points or store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the points balance past %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the points balance below 0; %1 (%2) has %3 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of %1, %2, %3 or %4; &quot;%5&quot; does not add store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the store-credit balance past %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>would take the store-credit balance past -%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go past a customer&apos;s credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set credit limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expire points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be later than now (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points added before %1 expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::LoginDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username or the password is wrong. Try again, or ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::LongTask</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping; undoing what was done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work ended without a result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no server set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This terminal works on its own data; changes are kept until a server is set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to sync: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) waiting to sync</source>
        <translation>
            <numerusform>%Ln change waiting to sync</numerusform>
            <numerusform>%Ln changes waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::MembershipRules</name>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least the Silver threshold (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least the Gold threshold (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 % and 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 0 and %1 days (0: points never expire)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::MembershipService</name>
    <message>
        <source>must be between 0 and 10000 basis points (0 % to 100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is far too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a membership rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up the membership rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the membership rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>membership rules changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::MetricsRepository</name>
    <message>
        <source>figures are compared outside a write</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::MetricsService</name>
    <message>
        <source>rebuild customer figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check customer figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::NoteRepository</name>
    <message>
        <source>no note %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::NoteService</name>
    <message>
        <source>add notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain control characters other than line breaks and tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>read notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a note of this customer; start again from the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a note id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may delete only their own notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::PreferenceService</name>
    <message>
        <source>change customers&apos; preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1 (or empty to clear)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::PrivacyRepository</name>
    <message>
        <source>no note %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::PrivacyService</name>
    <message>
        <source>anonymise customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>linked walk-in sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store-credit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tier history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was anonymised on %2: personal data is not added to them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already anonymised on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymised %1</source>
        <comment>the name an anonymised customer keeps; %1 is their code</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) has %3 and cannot be deleted: the figures and ledgers must stay. Anonymise the customer to erase their personal data, or deactivate the customer instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export customers&apos; data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not repeat the customer&apos;s name, phone numbers, email, address or other contacts: the reason is kept after their personal data is erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the erased values may stay in the database&apos;s write-ahead log until every program using the database has closed it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program is using the database: the erased values stay in its write-ahead log until every program using the database has closed it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ProductRepository</name>
    <message>
        <source>product %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ProductService</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain spaces or control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the SKU of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the SKU of another product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no product with SKU %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ReadSnapshot</name>
    <message>
        <source>the database is busy or unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::RepeatFrequencies</name>
    <message>
        <source>No purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::RestApi</name>
    <message>
        <source>%1 does not take this method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is larger than %1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no customer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was anonymised on %2: personal data is not added to them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain NUL characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send an API key as &quot;Authorization: Bearer KEY&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key&apos;s company is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is nothing at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OpenAPI document is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a customer field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the phone number of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already the email address of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 200 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no customer has the phone number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>register customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may not change a customer&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain control characters other than line breaks and tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a note field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the company&apos;s figures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::Rfm</name>
    <message>
        <source>Champions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought recently, buy often and spend the most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy regularly and spend well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought recently; could buy more often or spend more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought recently, but only once or twice so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used to buy often or spend well, but not for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last bought a while ago, seldom and little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last bought long ago, seldom and little</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase yet, or not ranked yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::RfmRepository</name>
    <message>
        <source>Stopped before the end: the last ranking stays.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::RfmService</name>
    <message>
        <source>rank the customers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::Roles</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may not %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SaleReceipt</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points earned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SaleRepository</name>
    <message>
        <source>no sale %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ServerProjection</name>
    <message>
        <source>must be the value of next from the previous page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ServerStatements</name>
    <message>
        <source>the server&apos;s database could not carry out the request (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::ServerStore</name>
    <message>
        <source>expected key=value pairs such as &quot;host=localhost dbname=kasir&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PostgreSQL driver (QPSQL) is not installed; on Debian: apt install libqt6sql6-psql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect to PostgreSQL (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database was made by a newer kasir-server (schema %1, this one knows %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company %1 does not exist on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a two-letter country code such as ID, KE or IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a three-letter ISO 4217 code such as IDR, KES or INR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to 16 letters A-Z, digits or dashes, such as S02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 already exists in this company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a user of this company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store %1 does not exist on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not find a free site id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminal %1 is not registered on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the enrolment code kasir-server printed, such as ABCDE-23456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the enrolment code is unknown, used or expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal&apos;s company or store is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid device token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the device token is unknown or revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the op belongs to another company than the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminals are registered on the server, not by sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not know entity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every op must name the user who made it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 is not a user of this company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 was deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may not change %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the op changes another company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the op changes a row of another company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must hold at most %1 ops; send the rest in another batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>op id %1 was already used for another change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the terminal&apos;s clock is %1 minutes ahead of the server&apos;s; correct the date and time on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not record this change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 does not exist on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 is deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key %1 does not exist on this server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no valid API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key is unknown or revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API key&apos;s user %1 is deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect to PostgreSQL again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Membership rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default phone region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default phone region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. siti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Siti Rahayu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dis&amp;play name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat pa&amp;ssword:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a manager or an administrator changes the membership rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels and discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer&apos;s level follows their total spent; each level has its discount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bronze discount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silver from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silver d&amp;iscount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gold from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;old discount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platinum from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pla&amp;tinum discount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer can drop to a lower level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership and points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One point per &amp;spend of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A point is &amp;worth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points &amp;expire after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A walk-in customer becomes a member when their total spent reaches &quot;Member from&quot; (0: never by spending). Points expire after the days given, the oldest used first (0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language Kasir speaks on this computer. Each computer keeps its own choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything this computer knows is in this one file. Copy it only while Kasir is closed, together with any file beside it whose name ends in &quot;-wal&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not match the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an amount in %1, such as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a percentage such as 7.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved. %n customer(s) moved to another level or type.</source>
        <translation>
            <numerusform>Saved. %n customer moved to another level or type.</numerusform>
            <numerusform>Saved. %n customers moved to another level or type.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the chosen language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone region and the currency were set when the company was created and cannot be changed: the phone numbers already stored were read in that region, and every amount is kept in that currency. Phone numbers typed without a country code are read as numbers of the default region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator renames the company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order numbers carry the store&apos;s code, so a code never changes; its name can. Choose a store in the list to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order numbers carry the store&apos;s code. Only an administrator adds or renames stores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name of the selected store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. S02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Cabang Bandung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store n&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add s&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an administrator sees, adds and changes users. You are signed in as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displa&amp;y name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the display name and role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ew password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it aga&amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds made-up customers with Indonesian, Kenyan and Indian names and phone numbers, to try Kasir out. They are real records in this file and will be synced like any other customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How many:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many demo customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;demo customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add demo customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding demo customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Adding %Ln demo customer(s)…</source>
        <translation>
            <numerusform>Adding %Ln demo customer…</numerusform>
            <numerusform>Adding %Ln demo customers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: no demo customer was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln demo customer(s) added.</source>
        <translation>
            <numerusform>%Ln demo customer added.</numerusform>
            <numerusform>%Ln demo customers added.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sells here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a user in the list to change their name or role, to deactivate them or to give them a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is you. Another administrator can change your role or deactivate you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deactivated and cannot sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signs in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is deactivated and can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signs in with the new password from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SetupService</name>
    <message>
        <source>this database is not set up yet; run `kasirctl init --company NAME` first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal&apos;s store is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal&apos;s company is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a two-letter country code such as ID, KE or IN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a three-letter ISO 4217 code such as IDR, KES or INR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database already belongs to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counter 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SyncEngine</name>
    <message>
        <source>the server could not be reached (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the request (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sync is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal is already enrolled with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database already holds a company; enrol a terminal with a new, empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be the server&apos;s address, such as http://192.168.1.10:8787</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s enrolment answer is incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this terminal is not enrolled with a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server acknowledged none of the changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s page has no valid cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program closed during the download</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SyncLoad</name>
    <message>
        <source>the download is already being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the company is being downloaded from the server; this change can be made when the download ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the download is not being written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SyncOp</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be upsert or delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an HLC stamp such as 0195d2c3a1b0-0001-0000002a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name at least one field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of at least 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SyncPanel</name>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received but not applicable here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales and changes are always saved on this computer first, so the counter keeps working without a network. Whenever the server can be reached, this terminal sends what was done here and receives what other terminals did. A change the server refuses (for example because the user may no longer make it) stays on this terminal only and is counted above, as is a change from another terminal that cannot be applied here (such as a second refund of one sale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Works on its own: no server set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to a server; not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None. This terminal works on its own. A terminal joins a server when it is set up, with the server&apos;s address and an enrolment code (kasir-server terminal register) given at the first start, or with kasirctl sync enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::SyncStatusService</name>
    <message>
        <source>see what waits to be synced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::TagRepository</name>
    <message>
        <source>tag %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer does not have this tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::TagService</name>
    <message>
        <source>must contain a letter, a digit or a sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a colour like #1e90ff or #f80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag named %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tag named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look up tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rename tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change tag colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 may only use existing tags; there is no tag named %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer %1 does not have the tag %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between 1 and %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::TextRules</name>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kasir::UnitOfWork</name>
    <message>
        <source>a write is already in progress on this thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is busy or read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write outside a unit of work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kasir::UserService</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>must be at least %n characters</source>
        <translation>
            <numerusform>must be at least %n character</numerusform>
            <numerusform>must be at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>must be at most %n characters</source>
        <translation>
            <numerusform>must be at most %n character</numerusform>
            <numerusform>must be at most %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>only an administrator can add users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: admin, manager, cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 255 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already taken by another user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not hash the password (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only an administrator can list users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong username or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not contain control characters or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no such user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the company&apos;s only active administrator; make another user an administrator first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot take away your own administrator role; another administrator can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivate users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot deactivate yourself; another administrator can</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reactivate users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your account has been changed since you signed in and no longer allows this; sign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
